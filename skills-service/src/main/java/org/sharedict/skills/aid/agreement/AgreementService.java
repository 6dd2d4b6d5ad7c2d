package org.sharedict.skills.aid.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.aid.agreement.AgreementDtos.AgreementInput;
import org.sharedict.skills.aid.agreement.AgreementDtos.AgreementView;
import org.sharedict.skills.directory.Contacts;

/** The partnership agreement: everyone reads it, only partnership admins change it. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AgreementService {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Contacts contacts;

    AgreementService(Caller caller, Auditor audit, Clock clock, Contacts contacts) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.contacts = contacts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementView view() {
        return AgreementView.of(agreement());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Terms terms() {
        Agreement a = agreement();
        return new Terms(
                a.rateBasis,
                a.flatRatePence,
                a.partnerRates,
                a.minutesPerDay,
                a.outOfHoursMultiplier,
                a.agencyDayRatePence,
                a.netting,
                a.directAcceptUrgent,
                a.directAcceptOutOfHours);
    }

    public AgreementView update(AgreementInput in, String ifMatch) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only partnership admins change the agreement");
        }
        Agreement a = agreement();
        ETags.requireMatch(a, ifMatch, in.version());
        Map<String, Long> rates = new TreeMap<>();
        if (in.partnerRates() != null) {
            in.partnerRates().forEach((code, pence) -> {
                String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
                if (c.isEmpty() || !contacts.partnerExists(c)) {
                    throw ProblemException.invalid("partnerRates", "no partner has the code '" + code + "'");
                }
                rates.put(c, pence);
            });
        }
        Changes changes = Changes.track()
                .field("rateBasis", a.rateBasis, in.rateBasis())
                .field("flatRatePence", a.flatRatePence, in.flatRatePence())
                .field("partnerRates", new TreeMap<>(a.partnerRates).toString(), rates.toString())
                .field("minutesPerDay", a.minutesPerDay, in.minutesPerDay())
                .field(
                        "outOfHoursMultiplier",
                        a.outOfHoursMultiplier.toPlainString(),
                        in.outOfHoursMultiplier().setScale(2).toPlainString())
                .field("agencyDayRatePence", a.agencyDayRatePence, in.agencyDayRatePence())
                .field("netting", a.netting, in.netting())
                .field("directAcceptUrgent", a.directAcceptUrgent, in.directAcceptUrgent())
                .field("directAcceptOutOfHours", a.directAcceptOutOfHours, in.directAcceptOutOfHours());
        a.rateBasis = in.rateBasis();
        a.flatRatePence = in.flatRatePence();
        a.partnerRates.clear();
        a.partnerRates.putAll(rates);
        a.minutesPerDay = in.minutesPerDay();
        a.outOfHoursMultiplier = in.outOfHoursMultiplier().setScale(2);
        a.agencyDayRatePence = in.agencyDayRatePence();
        a.netting = in.netting();
        a.directAcceptUrgent = in.directAcceptUrgent();
        a.directAcceptOutOfHours = in.directAcceptOutOfHours();
        if (!changes.isEmpty()) {
            a.updatedAt = Instant.now(clock);
            a.updatedBy = caller.username();
        }
        a.flush();
        audit.updated("aid-agreement", a.id, null, changes);
        return AgreementView.of(a);
    }

    private static Agreement agreement() {
        Agreement a = Agreement.findById(Agreement.ID);
        if (a == null) {
            throw new IllegalStateException("V3__mutual_aid.sql seeds the agreement; it is missing");
        }
        return a;
    }
}
