package org.sharedict.skills.aid.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.aid.requests.RequestDtos.TimeAnswer;
import org.sharedict.skills.aid.requests.RequestDtos.TimeInput;
import org.sharedict.skills.aid.requests.RequestDtos.TimeView;
import org.sharedict.skills.platform.Dates;

/**
 * Time given against a help request: the helper (or their manager) logs it once the request is
 * accepted; the asking partner's manager confirms it or queries it. A confirmed record is final;
 * a queried one may still be confirmed once the two sides have talked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TimeRecords {

    private final RequestAccess access;
    private final RequestMail mail;
    private final Auditor audit;
    private final Clock clock;

    TimeRecords(RequestAccess access, RequestMail mail, Auditor audit, Clock clock) {
        this.access = access;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimeView> list(long requestId) {
        access.visible(requestId);
        return TimeRecord.<TimeRecord>list("requestId = ?1 order by workedOn, id", requestId).stream()
                .map(TimeView::of)
                .toList();
    }

    /**
     * Time worked in [from, to] between partners, confirmed or still awaiting an answer (queried
     * records are left out until confirmed), for the ledger. Not filtered by caller: the ledger decides who sees what.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GivenTime> given(LocalDate from, LocalDate to) {
        // The status comes back as it is and is compared here: a comparison in the select list
        // would mix the column's collation with the bound parameter's.
        List<Object[]> rows = TimeRecord.getEntityManager()
                .createQuery(
                        "select r.id, r.title, t.workedOn, r.helperPartner, r.requesterPartner, t.minutes, t.outOfHours,"
                                + " t.status from TimeRecord t, HelpRequest r where r.id = t.requestId"
                                + " and t.workedOn between :from and :to and t.status <> :queried"
                                + " order by t.workedOn, t.id",
                        Object[].class)
                .setParameter("queried", TimeRecord.Status.QUERIED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(x -> new GivenTime(
                        (Long) x[0],
                        (String) x[1],
                        (LocalDate) x[2],
                        (String) x[3],
                        (String) x[4],
                        (Integer) x[5],
                        (Boolean) x[6],
                        x[7] == TimeRecord.Status.CONFIRMED))
                .toList();
    }

    public TimeView log(long requestId, TimeInput in) {
        HelpRequest r = access.visible(requestId);
        access.require(access.helps(r), "Only the helper or a manager of " + r.helperPartner + " logs time on it");
        if (!r.status.takesTime()) {
            throw ProblemException.conflict("Time is logged only once a request is accepted; this one is "
                            + r.status.name().toLowerCase().replace('_', ' '))
                    .with("currentStatus", r.status.name());
        }
        HelpRequests.inRange("workedOn", in.workedOn());
        if (in.workedOn().isAfter(Dates.today(clock))) {
            throw ProblemException.invalid("workedOn", "must not be in the future");
        }
        TimeRecord t = new TimeRecord();
        t.requestId = r.id;
        t.workedOn = in.workedOn();
        t.minutes = Minutes.fromHours("hours", in.hours());
        if (t.minutes < 1) {
            throw ProblemException.invalid("hours", "must be at least one minute");
        }
        t.outOfHours = in.outOfHours();
        t.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        t.loggedBy = access.caller().username();
        t.status = TimeRecord.Status.LOGGED;
        t.createdAt = t.updatedAt = Instant.now(clock);
        t.persistAndFlush();
        audit.created("aid-time", t.id, r.helperPartner, TimeView.of(t));
        mail.timeChanged(r, "time logged", t);
        return TimeView.of(t);
    }

    public TimeView confirm(long requestId, long id) {
        return answer(requestId, id, TimeRecord.Status.CONFIRMED, null);
    }

    public TimeView query(long requestId, long id, TimeAnswer in) {
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            throw ProblemException.invalid("reason", "say what is wrong with the record");
        }
        return answer(requestId, id, TimeRecord.Status.QUERIED, in.reason().trim());
    }

    private TimeView answer(long requestId, long id, TimeRecord.Status to, String reason) {
        HelpRequest r = access.visible(requestId);
        TimeRecord t = TimeRecord.<TimeRecord>find("id = ?1 and requestId = ?2", id, requestId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Time record", id));
        access.require(
                access.asksFor(r), "Only a manager of " + r.requesterPartner + " (or an admin) answers time records");
        boolean allowed = t.status == TimeRecord.Status.LOGGED
                || (t.status == TimeRecord.Status.QUERIED && to == TimeRecord.Status.CONFIRMED);
        if (!allowed) {
            throw ProblemException.conflict(
                            "This time record is " + t.status.name().toLowerCase() + " already")
                    .with("currentStatus", t.status.name());
        }
        TimeRecord.Status from = t.status;
        t.status = to;
        t.queryReason = reason != null ? reason : t.queryReason;
        t.answeredBy = access.caller().username();
        t.updatedAt = Instant.now(clock);
        t.flush();
        audit.record("STATUS", "aid-time", t.id, r.requesterPartner, Map.of("from", from.name(), "to", to.name()));
        mail.timeChanged(r, to == TimeRecord.Status.CONFIRMED ? "time confirmed" : "time queried", t);
        return TimeView.of(t);
    }
}
