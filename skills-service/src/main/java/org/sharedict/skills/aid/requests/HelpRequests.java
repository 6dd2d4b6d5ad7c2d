package org.sharedict.skills.aid.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.skills.aid.agreement.AgreementService;
import org.sharedict.skills.aid.agreement.Terms;
import org.sharedict.skills.aid.requests.RequestDtos.Decision;
import org.sharedict.skills.aid.requests.RequestDtos.RequestInput;
import org.sharedict.skills.aid.requests.RequestDtos.RequestView;
import org.sharedict.skills.directory.Contacts;
import org.sharedict.skills.directory.Contacts.Contact;
import org.sharedict.skills.taxonomy.TaxonomyCache;

/** Help requests: asking, deciding, working and withdrawing, each change audited and e-mailed. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class HelpRequests {

    private static final Map<String, String> SORTS =
            Map.of("createdAt", "createdAt", "updatedAt", "updatedAt", "status", "status", "urgency", "urgency");

    private final RequestAccess access;
    private final Caller caller;
    private final Contacts contacts;
    private final TaxonomyCache taxonomy;
    private final AgreementService agreement;
    private final RequestMail mail;
    private final Auditor audit;
    private final Clock clock;

    HelpRequests(
            RequestAccess access,
            Contacts contacts,
            TaxonomyCache taxonomy,
            AgreementService agreement,
            RequestMail mail,
            Auditor audit,
            Clock clock) {
        this.access = access;
        this.caller = access.caller();
        this.contacts = contacts;
        this.taxonomy = taxonomy;
        this.agreement = agreement;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which requests: those the caller's partner made, those made of it, or both (admins: every request). */
    public enum Side {
        ASKED,
        ASKED_OF,
        ALL
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestView> list(PageRequest page, Side side, RequestStatus status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Optional<String> mine = caller.partner().map(p -> p.toUpperCase(Locale.ROOT));
        if (!caller.isAdmin() || (side != Side.ALL && mine.isPresent())) {
            String p = mine.orElse("");
            switch (side) {
                case ASKED -> where.append(" and requesterPartner = :p");
                case ASKED_OF -> where.append(" and helperPartner = :p");
                case ALL -> where.append(" and (requesterPartner = :p or helperPartner = :p)");
            }
            params.and("p", p);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        Terms terms = agreement.terms();
        return Page.of(
                HelpRequest.<HelpRequest>find(where.toString(), page.toSort(SORTS, "-createdAt", "id"), params.map()),
                page,
                r -> view(r, terms));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(long id) {
        return view(access.visible(id), agreement.terms());
    }

    /** Every request made in [from, to), for the benefits report (which decides who sees what). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestFacts> facts(Instant from, Instant to) {
        return HelpRequest.<HelpRequest>list("createdAt >= ?1 and createdAt < ?2 order by id", from, to).stream()
                .map(r -> new RequestFacts(
                        r.id,
                        r.requesterPartner,
                        r.helperPartner,
                        List.copyOf(r.skills),
                        r.status,
                        r.createdAt,
                        r.decidedAt))
                .toList();
    }

    public RequestView create(RequestInput in) {
        String requester = requesterPartner(in);
        Contact named = null;
        if (in.helperPersonId() != null) {
            named = contacts.person(in.helperPersonId())
                    .orElseThrow(() -> ProblemException.invalid("helperPersonId", "no person has this ID"));
        }
        String helper = in.helperPartner() != null
                ? in.helperPartner().toUpperCase(Locale.ROOT)
                : named != null ? named.partner() : null;
        if (helper == null) {
            throw ProblemException.invalid("helperPartner", "name the partner asked, or a person there");
        }
        if (named != null && !named.partner().equals(helper)) {
            throw ProblemException.invalid(
                    "helperPersonId", "this person works for " + named.partner() + ", not " + helper);
        }
        if (!contacts.partnerExists(helper)) {
            throw ProblemException.invalid("helperPartner", "no partner has the code '" + helper + "'");
        }
        if (helper.equals(requester)) {
            throw ProblemException.invalid("helperPartner", "ask another partner: this is the asking partner");
        }
        inRange("neededFrom", in.neededFrom());
        inRange("neededTo", in.neededTo());
        if (in.neededFrom() != null && in.neededTo() != null && in.neededTo().isBefore(in.neededFrom())) {
            throw ProblemException.invalid("neededTo", "must not be before neededFrom");
        }
        if (in.neededFrom() == null && in.neededTo() != null) {
            throw ProblemException.invalid("neededFrom", "give the first day too, or neither for as soon as possible");
        }
        HelpRequest r = new HelpRequest();
        for (String code : in.skills()) {
            String skill = taxonomy.current()
                    .byCode(code.trim())
                    .orElseThrow(() -> ProblemException.invalid("skills", "no skill has the code '" + code + "'"))
                    .code();
            r.skills.add(skill);
        }
        r.requesterPartner = requester;
        r.requestedBy = caller.username();
        r.requesterEmail =
                caller.personId().flatMap(contacts::person).map(Contact::email).orElse(null);
        r.helperPartner = helper;
        r.helperPersonId = named == null ? null : named.id();
        r.title = in.title().trim();
        r.reason = in.reason().trim();
        r.neededFrom = in.neededFrom();
        r.neededTo = in.neededFrom() != null && in.neededTo() == null ? in.neededFrom() : in.neededTo();
        r.expectedMinutes = Minutes.fromHours("expectedHours", in.expectedHours());
        r.urgency = in.urgency();
        r.outOfHours = in.outOfHours();
        r.onSite = in.onSite();
        r.status = RequestStatus.REQUESTED;
        r.createdAt = r.updatedAt = Instant.now(clock);
        r.persistAndFlush();
        audit.created("aid-request", r.id, requester, Map.of("helperPartner", helper, "title", r.title));
        mail.changed(r, "asked for help", null);
        return view(r, agreement.terms());
    }

    public RequestView approve(long id, Decision d) {
        HelpRequest r = access.visible(id);
        access.require(access.decidesFor(r), "Only a manager of " + r.helperPartner + " (or an admin) approves");
        move(r, RequestStatus.ACCEPTED);
        if (d != null && d.helperPersonId() != null) {
            Contact who = contacts.person(d.helperPersonId())
                    .filter(c -> c.partner().equals(r.helperPartner))
                    .orElseThrow(() -> ProblemException.invalid(
                            "helperPersonId", "no person of " + r.helperPartner + " has this ID"));
            r.helperPersonId = who.id();
        }
        decided(r, d == null ? null : d.reason());
        return changed(r, "approved", d == null ? null : d.reason());
    }

    public RequestView decline(long id, Decision d) {
        HelpRequest r = access.visible(id);
        access.require(access.decidesFor(r), "Only a manager of " + r.helperPartner + " (or an admin) declines");
        if (d == null || d.reason() == null || d.reason().isBlank()) {
            throw ProblemException.invalid("reason", "say why the request is declined");
        }
        move(r, RequestStatus.DECLINED);
        decided(r, d.reason());
        return changed(r, "declined", d.reason());
    }

    /** The person named accepts themselves, where the agreement allows it; their managers are told. */
    public RequestView accept(long id) {
        HelpRequest r = access.visible(id);
        access.require(access.isNamedHelper(r), "Only the person asked for accepts a request directly");
        if (!agreement.terms().allowsDirectAccept(r.urgency == HelpRequest.Urgency.URGENT, r.outOfHours)) {
            throw ProblemException.forbidden(
                    "The partnership agreement lets people accept directly only urgent or out-of-hours requests; your manager decides this one");
        }
        move(r, RequestStatus.ACCEPTED);
        decided(r, null);
        return changed(r, "accepted directly by the person asked", null);
    }

    public RequestView start(long id) {
        HelpRequest r = access.visible(id);
        access.require(access.helps(r), "Only the helper or a manager of " + r.helperPartner + " starts the work");
        move(r, RequestStatus.IN_PROGRESS);
        return changed(r, "work started", null);
    }

    public RequestView complete(long id) {
        HelpRequest r = access.visible(id);
        access.require(access.helps(r), "Only the helper or a manager of " + r.helperPartner + " marks it done");
        move(r, RequestStatus.DONE);
        r.doneAt = Instant.now(clock);
        return changed(r, "done", null);
    }

    public RequestView withdraw(long id, Decision d) {
        HelpRequest r = access.visible(id);
        access.require(access.asksFor(r), "Only a manager of " + r.requesterPartner + " (or an admin) withdraws it");
        move(r, RequestStatus.WITHDRAWN);
        return changed(r, "withdrawn", d == null ? null : d.reason());
    }

    /** A date people plan with: this century (the database's DATE holds little more). */
    static void inRange(String field, java.time.LocalDate d) {
        if (d != null && (d.getYear() < 2000 || d.getYear() > 2100)) {
            throw ProblemException.invalid(field, "must be a date between 2000 and 2100");
        }
    }

    private String requesterPartner(RequestInput in) {
        if (caller.isAdmin()) {
            if (in.requesterPartner() == null) {
                throw ProblemException.invalid("requesterPartner", "admins say which partner asks");
            }
            String p = in.requesterPartner().toUpperCase(Locale.ROOT);
            if (!contacts.partnerExists(p)) {
                throw ProblemException.invalid("requesterPartner", "no partner has the code '" + p + "'");
            }
            return p;
        }
        if (!caller.hasRole(Roles.MANAGER) || caller.partner().isEmpty()) {
            throw ProblemException.forbidden("Only managers (or admins) ask other partners for help");
        }
        String mine = caller.partner().get().toUpperCase(Locale.ROOT);
        if (in.requesterPartner() != null && !in.requesterPartner().equalsIgnoreCase(mine)) {
            throw ProblemException.forbidden("You may only ask on behalf of your own partner (" + mine + ")");
        }
        return mine;
    }

    void move(HelpRequest r, RequestStatus to) {
        if (!r.status.canMoveTo(to)) {
            throw ProblemException.conflict("A request that is "
                            + r.status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " cannot become "
                            + to.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .with("currentStatus", r.status.name());
        }
        RequestStatus from = r.status;
        r.status = to;
        r.updatedAt = Instant.now(clock);
        audit.record("STATUS", "aid-request", r.id, r.helperPartner, Map.of("from", from.name(), "to", to.name()));
    }

    private void decided(HelpRequest r, String reason) {
        decided(r, reason, caller.username());
    }

    void decided(HelpRequest r, String reason, String by) {
        r.decisionReason = reason == null || reason.isBlank() ? null : reason.trim();
        r.decidedBy = by;
        r.decidedAt = Instant.now(clock);
    }

    RequestView changed(HelpRequest r, String what, String reason) {
        r.flush();
        mail.changed(r, what, reason);
        return view(r, agreement.terms());
    }

    RequestView view(HelpRequest r, Terms terms) {
        String helperName = r.helperPersonId == null
                ? null
                : contacts.person(r.helperPersonId).map(Contact::name).orElse(null);
        Long logged = TimeRecord.getEntityManager()
                .createQuery("select coalesce(sum(t.minutes), 0) from TimeRecord t where t.requestId = :id", Long.class)
                .setParameter("id", r.id)
                .getSingleResult();
        return new RequestView(
                r.id,
                r.requesterPartner,
                r.requestedBy,
                r.helperPartner,
                r.helperPersonId,
                helperName,
                r.skills.stream().sorted().toList(),
                r.title,
                r.reason,
                r.neededFrom,
                r.neededTo,
                r.neededFrom == null,
                Minutes.toHours(r.expectedMinutes),
                r.urgency,
                r.outOfHours,
                r.onSite,
                r.status,
                r.decisionReason,
                r.decidedBy,
                r.decidedAt,
                r.doneAt,
                Minutes.toHours(logged == null ? 0 : logged),
                access.actions(r, terms),
                r.version,
                r.createdAt,
                r.updatedAt);
    }
}
