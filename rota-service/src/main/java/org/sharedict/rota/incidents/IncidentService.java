package org.sharedict.rota.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.rota.escalation.DefaultPolicies;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.escalation.engine.Escalations;
import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.webhooks.IncidentLifecycle;

/**
 * Incidents: raising (with de-duplication), acknowledging, resolving, and who may do each.
 * Step 1 is notified in the request that raises the incident; later steps run from Quartz.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IncidentService {

    public static final String WRITE_SCOPE = "incidents:write";

    private final Caller caller;
    private final Clock clock;
    private final Timeline timeline;
    private final Escalations escalations;
    private final DefaultPolicies policies;
    private final Auditor audit;
    private final Outbox outbox;
    private final Event<IncidentLifecycle> lifecycle;
    private final PolicyService policyService;
    private final JsonWebToken jwt;
    private final CallOuts callOuts;
    private final IncidentRights rights;
    private final IncidentQueries queries;

    IncidentService(
            Caller caller,
            Clock clock,
            Timeline timeline,
            Escalations escalations,
            DefaultPolicies policies,
            Auditor audit,
            Outbox outbox,
            Event<IncidentLifecycle> lifecycle,
            PolicyService policyService,
            JsonWebToken jwt,
            CallOuts callOuts,
            IncidentRights rights,
            IncidentQueries queries) {
        this.caller = caller;
        this.clock = clock;
        this.timeline = timeline;
        this.escalations = escalations;
        this.policies = policies;
        this.audit = audit;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.policyService = policyService;
        this.jwt = jwt;
        this.callOuts = callOuts;
        this.rights = rights;
        this.queries = queries;
    }

    public record Raised(IncidentView incident, boolean created) {}

    public Raised raise(IncidentInput in) {
        String partner = in.partner() != null
                ? in.partner().trim().toUpperCase(Locale.ROOT)
                : caller.partner()
                        .map(p -> p.toUpperCase(Locale.ROOT))
                        .orElseThrow(
                                () -> ProblemException.invalid("partner", "is required (your token names no partner)"));
        rights.requireRaise(partner, in.callOut() != null);
        return open(partner, in, caller.username());
    }

    /**
     * Raises (or repeats) an incident for a caller authorised elsewhere: an integration key or a
     * heartbeat monitor, which act for their partner without a token. {@code in.partner()} is ignored.
     */
    public Raised open(String partner, IncidentInput in, String raisedBy) {
        Opened o = openIncident(partner, in, raisedBy);
        return new Raised(view(o.incident()), o.created());
    }

    /** What a monitoring alert needs of its raise: the incident's ID, and whether this alert created it. */
    public record Alerted(long incidentId, boolean created) {}

    /**
     * As {@link #open}, without reading the incident's timeline back for an answer: an alert's
     * answer names only the incident, and each repeat would read a longer timeline.
     */
    public Alerted openForAlert(String partner, IncidentInput in, String raisedBy) {
        Opened o = openIncident(partner, in, raisedBy);
        return new Alerted(o.incident().id, o.created());
    }

    private record Opened(Incident incident, boolean created) {}

    private Opened openIncident(String partner, IncidentInput in, String raisedBy) {
        String key = in.dedupKey() == null || in.dedupKey().isBlank()
                ? null
                : in.dedupKey().trim();
        Instant now = Instant.now(clock);
        if (key != null) {
            // Read without a lock (a locking read of a missing row would take a gap lock and deadlock
            // concurrent raises), then lock the open incident by its ID. Two raises of a new key at
            // once: one insert wins the unique open_key, the other is retried by the caller and joins it.
            Optional<Long> openId = Incident.getEntityManager()
                    .createQuery("select i.id from Incident i where i.openKey = :k", Long.class)
                    .setParameter("k", partner + "|" + key)
                    .getResultStream()
                    .findFirst();
            if (openId.isPresent()) {
                Incident i = Incident.findById(openId.get(), LockModeType.PESSIMISTIC_WRITE);
                if (i != null && i.status != Incident.Status.RESOLVED) {
                    i.occurrences++;
                    i.lastSeenAt = now;
                    timeline.add(
                            i.id,
                            IncidentEvent.Kind.DUPLICATE,
                            "raised again (" + i.occurrences + " times): "
                                    + in.summary().trim());
                    return new Opened(i, false);
                }
            }
        }
        DefaultPolicies.Chosen policy = in.callOut() != null && in.policyId() == null
                ? policies.chooseCallOut(partner)
                : policies.choose(partner, in.policyId());
        Incident i = new Incident();
        i.partner = partner;
        i.summary = in.summary().trim();
        i.details = in.details() == null || in.details().isBlank()
                ? null
                : in.details().trim();
        i.severity = in.severity();
        i.dedupKey = key;
        i.openKey = key == null ? null : partner + "|" + key;
        i.status = Incident.Status.TRIGGERED;
        i.policyId = policy.id();
        i.policyName = policy.name();
        i.step = -1;
        i.pass = 0;
        i.occurrences = 1;
        i.raisedBy = raisedBy;
        i.raisedByName = tokenName();
        i.urgency = policyService.urgency(policy.id(), i.severity.name());
        i.createdAt = now;
        i.lastSeenAt = now;
        i.persistAndFlush();
        if (in.callOut() != null) {
            callOuts.record(i, in.callOut());
        }
        timeline.add(
                i.id,
                IncidentEvent.Kind.TRIGGERED,
                "raised for " + partner + " (" + i.severity + ", "
                        + i.urgency.name().toLowerCase(Locale.ROOT) + " urgency), following " + policy.name());
        audit.created(
                "incident",
                i.id,
                partner,
                Map.of("summary", i.summary, "severity", i.severity.name(), "policy", policy.name()));
        tell(i, IncidentLifecycle.Event.TRIGGERED, raisedBy, null);
        escalations.start(IncidentEscalation.escalated(i), now);
        return new Opened(i, true);
    }

    public IncidentView acknowledge(long id) {
        Incident i = lock(id);
        rights.requireResponder(i);
        acknowledge(i, caller.username(), "acknowledged; escalation stopped");
        return view(i);
    }

    public IncidentView resolve(long id) {
        Incident i = lock(id);
        rights.requireResponder(i);
        resolve(i, caller.username(), "resolved");
        return view(i);
    }

    /** What a signed page link may do; the link, not a token, says who acts. */
    public enum LinkAction {
        ACKNOWLEDGE,
        ESCALATE,
        RESOLVE
    }

    /**
     * Acts for a person who followed a signed link in their page, without signing in: only someone
     * this incident paged may, and the timeline names them ("acknowledged by Sam Carter from a page link").
     */
    public IncidentView actByLink(long id, LinkAction action, long personId, String name) {
        Incident i = lock(id);
        if (!outbox.paged(i.id, personId)) {
            throw ProblemException.forbidden("Incident " + id + " has not paged " + name);
        }
        String by = name.length() > 120 ? name.substring(0, 119) + "…" : name;
        IncidentEvent e = switch (action) {
            case ACKNOWLEDGE -> acknowledge(i, by, "acknowledged by " + name + " from a page link; escalation stopped");
            case RESOLVE -> resolve(i, by, "resolved by " + name + " from a page link");
            case ESCALATE -> escalate(i, name);
        };
        if (e != null) {
            e.actor = by;
        }
        return view(i);
    }

    /** Acknowledges for {@code actor} (a signed-in caller, or a person replying to a page), after the rights were checked. */
    void acknowledge(Incident i, String actor) {
        acknowledge(i, actor, "acknowledged; escalation stopped").actor = actor;
    }

    void resolve(Incident i, String actor) {
        resolve(i, actor, "resolved").actor = actor;
    }

    /**
     * Pages the next step now instead of waiting for its delay (a page's "escalate" reply). False (and
     * nothing done) when the policy has no further step. Needs the incident TRIGGERED and locked.
     */
    boolean escalateNow(Incident i, String actor) {
        timeline.add(i.id, IncidentEvent.Kind.NOTE, "escalate now, asked by " + actor).actor = actor;
        return escalations.escalateNow(IncidentEscalation.escalated(i), Instant.now(clock));
    }

    IncidentEvent acknowledge(Incident i, String by, String detail) {
        if (i.status != Incident.Status.TRIGGERED) {
            throw ProblemException.conflict(
                    "Incident " + i.id + " is already " + i.status.name().toLowerCase(Locale.ROOT));
        }
        cancelPending(i);
        i.status = Incident.Status.ACKNOWLEDGED;
        i.acknowledgedAt = Instant.now(clock);
        i.acknowledgedBy = by;
        i.nextStepAt = null;
        IncidentEvent e = timeline.add(i.id, IncidentEvent.Kind.ACKNOWLEDGED, detail);
        outbox.cancelPages(i.id, "acknowledged by " + by);
        audit.record("ACKNOWLEDGE", "incident", i.id, i.partner, Map.of("status", "ACKNOWLEDGED"));
        tell(i, IncidentLifecycle.Event.ACKNOWLEDGED, by, null);
        return e;
    }

    IncidentEvent resolve(Incident i, String by, String detail) {
        if (i.status == Incident.Status.RESOLVED) {
            throw ProblemException.conflict("Incident " + i.id + " is already resolved");
        }
        cancelPending(i);
        i.status = Incident.Status.RESOLVED;
        i.resolvedAt = Instant.now(clock);
        i.resolvedBy = by;
        i.openKey = null;
        i.nextStepAt = null;
        IncidentEvent e = timeline.add(i.id, IncidentEvent.Kind.RESOLVED, detail);
        outbox.cancelPages(i.id, "resolved by " + by);
        outbox.closed(i.id);
        audit.record("RESOLVE", "incident", i.id, i.partner, Map.of("status", "RESOLVED"));
        tell(i, IncidentLifecycle.Event.RESOLVED, by, null);
        return e;
    }

    /** Pages the next step now instead of when it falls due; the engine's step tells subscribers (escalated). */
    private IncidentEvent escalate(Incident i, String name) {
        if (i.status != Incident.Status.TRIGGERED) {
            throw ProblemException.conflict("Incident " + i.id + " is "
                    + i.status.name().toLowerCase(Locale.ROOT) + "; only a triggered incident is escalated");
        }
        IncidentEvent e =
                timeline.add(i.id, IncidentEvent.Kind.ESCALATED, "escalated by " + name + " from a page link");
        if (!escalations.escalateNow(i.id)) {
            throw ProblemException.conflict("Incident " + i.id + " has no further step to escalate to");
        }
        audit.record("ESCALATE", "incident", i.id, i.partner, Map.of("step", i.step + 1));
        return e;
    }

    /** The token's name claim: an API key's name or a person's display name; null when it has none. */
    private String tokenName() {
        try {
            Object name = jwt.getClaim("name");
            return name == null ? null : name.toString().replace("\"", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Tells lifecycle-webhook subscribers, in this transaction. */
    void tell(Incident i, IncidentLifecycle.Event event, String by, Integer step) {
        lifecycle.fire(new IncidentLifecycle(
                event, i.id, i.partner, i.summary, i.severity.name(), i.status.name(), Instant.now(clock), by, step));
    }

    public IncidentView note(long id, String message) {
        Incident i = lock(id);
        rights.requireResponder(i);
        timeline.add(i.id, IncidentEvent.Kind.NOTE, message.trim());
        return view(i);
    }

    /** Whether this incident has paged this person: only they may act on it through a page link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasPaged(long incidentId, long personId) {
        return outbox.paged(incidentId, personId);
    }

    /** When an incident was raised, acknowledged and resolved (null: not yet), for the response-time report. */
    public record Lifetime(String partner, Instant createdAt, Instant acknowledgedAt, Instant resolvedAt) {}

    /** The incidents raised in [from, to), of one partner or (null) all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Lifetime> lifetimes(Instant from, Instant to, String partner) {
        List<Incident> list = partner == null
                ? Incident.list("createdAt >= ?1 and createdAt < ?2", from, to)
                : Incident.list("createdAt >= ?1 and createdAt < ?2 and partner = ?3", from, to, partner);
        return list.stream()
                .map(i -> new Lifetime(i.partner, i.createdAt, i.acknowledgedAt, i.resolvedAt))
                .toList();
    }

    private void cancelPending(Incident i) {
        if (i.nextStepAt == null || i.policyId == null) {
            return;
        }
        escalations.stop(i.id, i.step, i.pass);
    }

    static Incident lock(long id) {
        Incident i = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return i;
    }

    /** One incident with its timeline, for a page link's confirmation screen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IncidentView> get(long id) {
        return queries.get(id);
    }

    IncidentView view(Incident i) {
        return queries.view(i);
    }
}
