package org.sharedict.rota.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.rota.intake.IntakeDtos.MaintenanceView;
import org.sharedict.rota.intake.IntakeDtos.NewMaintenance;

/** Planned work: while a window is open, the partner's (or one key's) triggers are recorded as suppressed, not paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class MaintenanceWindows {

    static final Duration LONGEST = Duration.ofDays(7);

    private final Caller caller;
    private final Clock clock;
    private final Auditor audit;
    private final IntegrationKeys keys;

    MaintenanceWindows(Caller caller, Clock clock, Auditor audit, IntegrationKeys keys) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.keys = keys;
    }

    public MaintenanceView create(NewMaintenance in) {
        String partner = in.partner().toUpperCase(Locale.ROOT);
        keys.requireManagerOf(partner);
        Instant now = Instant.now(clock);
        Instant starts;
        Instant ends;
        if (in.minutes() != null) {
            if (in.startsAt() != null || in.endsAt() != null) {
                throw ProblemException.invalid("minutes", "give minutes (from now) or startsAt and endsAt, not both");
            }
            starts = now;
            ends = now.plus(Duration.ofMinutes(in.minutes()));
        } else {
            if (in.startsAt() == null) {
                throw ProblemException.invalid("startsAt", "is required unless minutes is given");
            }
            if (in.endsAt() == null) {
                throw ProblemException.invalid("endsAt", "is required unless minutes is given");
            }
            starts = in.startsAt();
            ends = in.endsAt();
            if (!ends.isAfter(starts)) {
                throw ProblemException.invalid("endsAt", "must be after startsAt");
            }
            if (!ends.isAfter(now)) {
                throw ProblemException.invalid("endsAt", "must be in the future");
            }
            if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
                throw ProblemException.invalid("endsAt", "must be at most 7 days after startsAt");
            }
            if (starts.isAfter(now.plus(Duration.ofDays(366)))) {
                throw ProblemException.invalid("startsAt", "must be within a year from now");
            }
        }
        if (in.integrationId() != null) {
            IntegrationKey k = IntegrationKey.findById(in.integrationId());
            if (k == null || !k.partner.equals(partner)) {
                throw ProblemException.invalid("integrationId", "is not an integration key of " + partner);
            }
        }
        MaintenanceWindow w = new MaintenanceWindow();
        w.partner = partner;
        w.integrationKeyId = in.integrationId();
        w.reason = in.reason().trim();
        w.startsAt = starts;
        w.endsAt = ends;
        w.createdBy = caller.username();
        w.createdAt = now;
        w.persistAndFlush();
        audit.created(
                "maintenance-window",
                w.id,
                partner,
                Map.of("reason", w.reason, "startsAt", starts.toString(), "endsAt", ends.toString()));
        return view(w, now);
    }

    /** Ends a window now (a scheduled one that has not started is ended before it begins). */
    public MaintenanceView end(long id) {
        MaintenanceWindow w = MaintenanceWindow.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw ProblemException.notFound("Maintenance window", id);
        }
        keys.requireManagerOf(w.partner);
        Instant now = Instant.now(clock);
        if (!w.endsAt.isAfter(now)) {
            throw ProblemException.conflict("Maintenance window " + id + " has ended already");
        }
        w.endsAt = w.startsAt.isAfter(now) ? w.startsAt : now;
        w.endedEarlyBy = caller.username();
        MaintenanceWindow.flush();
        audit.record("END", "maintenance-window", w.id, w.partner, Map.of("endsAt", w.endsAt.toString()));
        return view(w, now);
    }

    /** Windows of the partner (managers: their own) that have not ended, or also the ended ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MaintenanceView> list(String partner, boolean includeEnded) {
        String p = keys.visiblePartner(partner);
        Instant now = Instant.now(clock);
        String where = (p == null ? "1 = 1" : "partner = :p") + (includeEnded ? "" : " and endsAt > :now");
        var q = MaintenanceWindow.getEntityManager()
                .createQuery(
                        "from MaintenanceWindow where " + where + " order by startsAt desc, id desc",
                        MaintenanceWindow.class)
                .setMaxResults(500);
        if (p != null) {
            q.setParameter("p", p);
        }
        if (!includeEnded) {
            q.setParameter("now", now);
        }
        return q.getResultList().stream().map(w -> view(w, now)).toList();
    }

    /** The open window covering this partner (and key, when given) now, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> activeWindow(String partner, Long integrationKeyId) {
        Instant now = Instant.now(clock);
        return MaintenanceWindow.getEntityManager()
                .createQuery(
                        "select w.id from MaintenanceWindow w where w.partner = :p and w.startsAt <= :now and w.endsAt > :now"
                                + " and (w.integrationKeyId is null or w.integrationKeyId = :k) order by w.id",
                        Long.class)
                .setParameter("p", partner)
                .setParameter("now", now)
                .setParameter("k", integrationKeyId == null ? -1L : integrationKeyId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static MaintenanceView view(MaintenanceWindow w, Instant now) {
        return new MaintenanceView(
                w.id,
                w.partner,
                w.integrationKeyId,
                w.reason,
                w.startsAt,
                w.endsAt,
                !w.startsAt.isAfter(now) && w.endsAt.isAfter(now),
                w.createdBy,
                w.createdAt,
                w.endedEarlyBy,
                w.version);
    }
}
