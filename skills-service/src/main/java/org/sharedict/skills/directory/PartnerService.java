package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.directory.PartnerDtos.NewPartner;
import org.sharedict.skills.directory.PartnerDtos.PartnerUpdate;
import org.sharedict.skills.directory.PartnerDtos.PartnerView;

/** Partners: who may create, change and remove them, and the audit of each change. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PartnerService {

    private static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "type", "type");

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Event<PartnerCodes.Changed> partnerCodesChanged;

    PartnerService(Caller caller, Auditor audit, Clock clock, Event<PartnerCodes.Changed> partnerCodesChanged) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.partnerCodesChanged = partnerCodesChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnerView> list(PageRequest page) {
        return Page.of(Partner.findAll(page.toSort(SORTS, "name", "id")), page, PartnerView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PartnerView> get(String code) {
        return Partner.findByCode(code).map(PartnerView::of);
    }

    public PartnerView create(NewPartner in) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only partnership admins add partners");
        }
        String code = in.code().toUpperCase();
        if (Partner.findByCode(code).isPresent()) {
            throw ProblemException.duplicate("code", code);
        }
        Partner p = new Partner();
        p.code = code;
        p.name = in.name().trim();
        p.type = in.type();
        p.serviceDeskPhone = in.serviceDeskPhone();
        p.outOfHoursPhone = in.outOfHoursPhone();
        p.email = in.email();
        p.createdAt = p.updatedAt = Instant.now(clock);
        p.persistAndFlush();
        audit.created("partner", p.code, p.code, PartnerView.of(p));
        return PartnerView.of(p);
    }

    public PartnerView update(String code, PartnerUpdate in, String ifMatch) {
        Partner p = Partner.findByCode(code).orElseThrow(() -> ProblemException.notFound("Partner", code));
        caller.requireEditRightsFor(p.code, Roles.MANAGER);
        ETags.requireMatch(p, ifMatch, in.version());
        Changes changes = Changes.track()
                .field("name", p.name, in.name().trim())
                .field("type", p.type, in.type())
                .field("serviceDeskPhone", p.serviceDeskPhone, in.serviceDeskPhone())
                .field("outOfHoursPhone", p.outOfHoursPhone, in.outOfHoursPhone())
                .field("email", p.email, in.email());
        p.name = in.name().trim();
        p.type = in.type();
        p.serviceDeskPhone = in.serviceDeskPhone();
        p.outOfHoursPhone = in.outOfHoursPhone();
        p.email = in.email();
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        p.flush();
        audit.updated("partner", p.code, p.code, changes);
        return PartnerView.of(p);
    }

    public void delete(String code, String ifMatch) {
        Partner p = Partner.findByCode(code).orElseThrow(() -> ProblemException.notFound("Partner", code));
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only partnership admins remove partners");
        }
        if (ifMatch != null) {
            ETags.requireMatch(p, ifMatch, null);
        }
        PartnerView last = PartnerView.of(p);
        p.delete();
        p.flush();
        audit.deleted("partner", last.code(), last.code(), last);
        partnerCodesChanged.fire(new PartnerCodes.Changed());
    }
}
