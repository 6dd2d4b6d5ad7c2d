package org.sharedict.dr.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.sharedict.dr.copies.CopyDtos.CopyView;
import org.sharedict.dr.copies.CopyDtos.HolderInput;
import org.sharedict.dr.copies.CopyDtos.HolderState;
import org.sharedict.dr.copies.CopyDtos.HolderView;
import org.sharedict.dr.copies.CopyDtos.RegisterView;
import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanApproved;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.platform.mail.Outbox;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * The copy-holder register of a plan (all its revisions): who holds a copy, of which revision, and
 * who has not said they have it. Every approval e-mails the new revision's PDF to each holder with
 * a signed acknowledgement link; a holder added to a plan in force gets the revision in force.
 * Holders' addresses are personal, so only the plan's partner (and admins) read the register.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CopyRegister {

    static final String PDF = "application/pdf";

    private final PlanLoader plans;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Outbox outbox;
    private final CopyKey key;
    private final CopyPdf pdfs;
    private final DrConfig config;

    public CopyRegister(
            PlanLoader plans,
            Caller caller,
            Auditor audit,
            Clock clock,
            Outbox outbox,
            CopyKey key,
            CopyPdf pdfs,
            DrConfig config) {
        this.plans = plans;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.key = key;
        this.pdfs = pdfs;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisterView register(long planId) {
        PlanSnapshot p = plans.snapshot(planId);
        if (!caller.isOf(p.partner())) {
            throw ProblemException.forbidden("The copy holders of " + p.partner()
                    + "'s plans (personal addresses among them) are shown to its own users and admins only");
        }
        return view(p);
    }

    /** Holders not acknowledging the revision in force of the plan {@code planId} belongs to; 0 when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int unacknowledged(long planId) {
        PlanSnapshot p = plans.snapshot(planId);
        Optional<PlanSnapshot> approved = approvedOf(planId);
        if (approved.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (CopyHolder h : CopyHolder.current(p.series())) {
            if (state(h, approved) != HolderState.CURRENT) {
                n++;
            }
        }
        return n;
    }

    /** A holder as an offline copy prints them: no address (they are personal), what they hold. */
    public record HeldCopy(String name, String note, String holds) {}

    /** The register for an export of revision {@code planId}: whoever may read the export reads this. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeldCopy> forExport(long planId) {
        PlanSnapshot p = plans.snapshot(planId);
        Optional<PlanSnapshot> approved = approvedOf(planId);
        List<HeldCopy> out = new ArrayList<>();
        for (CopyHolder h : CopyHolder.current(p.series())) {
            HolderView v = holder(h, approved);
            String holds = v.heldRevision() == null
                    ? (v.copies().isEmpty() ? "no copy sent yet" : "sent, not acknowledged")
                    : "revision " + v.heldRevision() + (v.holdsSuperseded() ? " (superseded)" : "");
            out.add(new HeldCopy(h.name, h.note == null ? "" : h.note, holds));
        }
        return out;
    }

    public HolderView add(long planId, HolderInput in) {
        PlanSnapshot p = plans.snapshot(planId);
        caller.requireEditRightsFor(p.partner(), Roles.DR_LEAD);
        String email = in.email().trim().toLowerCase(Locale.ROOT);
        if (CopyHolder.count("series = ?1 and removedAt is null and email = ?2", p.series(), email) > 0) {
            throw ProblemException.conflict(email + " already holds a copy of this plan");
        }
        CopyHolder h = new CopyHolder();
        h.series = p.series();
        h.partner = p.partner();
        h.name = in.name().trim();
        h.email = email;
        h.personId = in.personId();
        h.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        h.createdBy = caller.username();
        h.createdAt = Instant.now(clock);
        h.persistAndFlush();
        audit.record("ADD_COPY_HOLDER", "dr-plan", p.id(), p.partner(), Map.of("holder", h.id, "email", email));
        Optional<PlanSnapshot> approved = approvedOf(planId);
        if (approved.isPresent()) {
            PlanSnapshot a = approved.get();
            issue(h, a, pdfs.pdf(a.id()));
        }
        return holder(h, approved);
    }

    public void remove(long planId, long holderId, String ifMatch) {
        PlanSnapshot p = plans.snapshot(planId);
        caller.requireEditRightsFor(p.partner(), Roles.DR_LEAD);
        CopyHolder h = CopyHolder.<CopyHolder>findByIdOptional(holderId)
                .filter(x -> x.series.equals(p.series()) && x.removedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Copy holder", holderId));
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(h, ifMatch, null);
        }
        h.removedAt = Instant.now(clock);
        audit.record("REMOVE_COPY_HOLDER", "dr-plan", p.id(), p.partner(), Map.of("holder", h.id));
    }

    /** In the approval's transaction: the new revision goes to every holder, or (rolled back) to none. */
    void onApproved(@Observes PlanApproved approved) {
        List<CopyHolder> holders = CopyHolder.current(approved.series());
        if (holders.isEmpty()) {
            return;
        }
        CopyPdf.File pdf = pdfs.pdf(approved.planId());
        PlanSnapshot p = plans.snapshot(approved.planId());
        for (CopyHolder h : holders) {
            issue(h, p, pdf);
        }
    }

    private void issue(CopyHolder h, PlanSnapshot p, CopyPdf.File pdf) {
        CopyIssue i = new CopyIssue();
        i.holderId = h.id;
        i.planId = p.id();
        i.revision = p.revision();
        i.tokenId = CopyTokens.newTokenId();
        i.sentAt = Instant.now(clock);
        i.persist();
        outbox.queue(
                h.email,
                CopyMail.subject(p.name(), p.partner(), p.revision()),
                CopyMail.copy(h.name, p.name(), p.partner(), p.revision(), link(i)),
                new Outbox.Attachment(pdf.name(), PDF, pdf.bytes()));
    }

    String link(CopyIssue i) {
        return config.publicUrl().replaceAll("/+$", "")
                + AcknowledgeResource.PATH
                + key.tokens().issue(i.tokenId, i.holderId, i.planId);
    }

    private Optional<PlanSnapshot> approvedOf(long planId) {
        return plans.revisions(planId).stream()
                .filter(r -> r.status() == Plan.Status.APPROVED)
                .findFirst();
    }

    private RegisterView view(PlanSnapshot p) {
        Optional<PlanSnapshot> approved = approvedOf(p.id());
        List<HolderView> items = new ArrayList<>();
        int unack = 0;
        int superseded = 0;
        for (CopyHolder h : CopyHolder.current(p.series())) {
            HolderView v = holder(h, approved);
            items.add(v);
            if (approved.isPresent() && v.state() != HolderState.CURRENT) {
                unack++;
            }
            if (v.holdsSuperseded()) {
                superseded++;
            }
        }
        return new RegisterView(
                p.id(),
                p.partner(),
                approved.map(PlanSnapshot::revision).orElse(null),
                approved.map(PlanSnapshot::id).orElse(null),
                items.size(),
                unack,
                superseded,
                items);
    }

    private static HolderState state(CopyHolder h, Optional<PlanSnapshot> approved) {
        if (approved.isEmpty()) {
            return HolderState.NO_COPY;
        }
        long current = approved.get().id();
        return CopyIssue.<CopyIssue>find("holderId = ?1 and planId = ?2", h.id, current)
                .firstResultOptional()
                .map(i -> i.acknowledgedAt != null ? HolderState.CURRENT : HolderState.AWAITING_ACKNOWLEDGEMENT)
                .orElse(HolderState.NO_COPY);
    }

    private static HolderView holder(CopyHolder h, Optional<PlanSnapshot> approved) {
        Long current = approved.map(PlanSnapshot::id).orElse(null);
        List<CopyView> copies = new ArrayList<>();
        Integer held = null;
        boolean heldIsCurrent = false;
        for (CopyIssue i : CopyIssue.ofHolder(h.id)) {
            boolean old = !i.planId.equals(current);
            copies.add(new CopyView(i.planId, i.revision, old, i.sentAt, i.acknowledgedAt, i.reminders, i.remindedAt));
            if (i.acknowledgedAt != null && held == null) {
                held = i.revision;
                heldIsCurrent = !old;
            }
        }
        return new HolderView(
                h.id,
                h.name,
                h.email,
                h.personId,
                h.note,
                state(h, approved),
                held,
                held != null && !heldIsCurrent,
                copies,
                h.createdBy,
                h.createdAt,
                h.version);
    }
}
