package org.sharedict.rota.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.escalation.DefaultPolicies;
import org.sharedict.rota.escalation.engine.Escalations;
import org.sharedict.rota.incidents.IncidentDtos.EventView;
import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.notify.Outbox;

/**
 * Incidents: raising (with de-duplication), acknowledging, resolving, and who may do each.
 * Step 1 is notified in the request that raises the incident; later steps run from Quartz.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IncidentService {

    public static final String WRITE_SCOPE = "incidents:write";
    /** Enums sort by rank (severity: LOW to CRITICAL, so -severity is most severe first; status: lifecycle order), not by name. */
    private static final Map<String, String> SORTS =
            Map.of("createdAt", "createdAt", "severity", "severityRank", "status", "statusRank", "partner", "partner");

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    @Inject
    Escalations escalations;

    @Inject
    DefaultPolicies policies;

    @Inject
    Auditor audit;

    @Inject
    Outbox outbox;

    public record Raised(IncidentView incident, boolean created) {}

    public Raised raise(IncidentInput in) {
        String partner = in.partner() != null
                ? in.partner().trim().toUpperCase(Locale.ROOT)
                : caller.partner()
                        .map(p -> p.toUpperCase(Locale.ROOT))
                        .orElseThrow(
                                () -> ProblemException.invalid("partner", "is required (your token names no partner)"));
        requireRaiseRights(partner);
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
                    timeline.add(
                            i.id,
                            IncidentEvent.Kind.DUPLICATE,
                            "raised again (" + i.occurrences + " times): "
                                    + in.summary().trim());
                    return new Raised(view(i), false);
                }
            }
        }
        DefaultPolicies.Chosen policy = policies.choose(partner, in.policyId());
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
        i.raisedBy = caller.username();
        i.createdAt = now;
        i.persistAndFlush();
        timeline.add(
                i.id,
                IncidentEvent.Kind.TRIGGERED,
                "raised for " + partner + " (" + i.severity + "), following " + policy.name());
        audit.created(
                "incident",
                i.id,
                partner,
                Map.of("summary", i.summary, "severity", i.severity.name(), "policy", policy.name()));
        escalations.start(IncidentEscalation.escalated(i), now);
        return new Raised(view(i), true);
    }

    public IncidentView acknowledge(long id) {
        Incident i = lock(id);
        requireResponderRights(i);
        if (i.status != Incident.Status.TRIGGERED) {
            throw ProblemException.conflict(
                    "Incident " + id + " is already " + i.status.name().toLowerCase(Locale.ROOT));
        }
        cancelPending(i);
        i.status = Incident.Status.ACKNOWLEDGED;
        i.acknowledgedAt = Instant.now(clock);
        i.acknowledgedBy = caller.username();
        i.nextStepAt = null;
        timeline.add(i.id, IncidentEvent.Kind.ACKNOWLEDGED, "acknowledged; escalation stopped");
        audit.record("ACKNOWLEDGE", "incident", i.id, i.partner, Map.of("status", "ACKNOWLEDGED"));
        return view(i);
    }

    public IncidentView resolve(long id) {
        Incident i = lock(id);
        requireResponderRights(i);
        if (i.status == Incident.Status.RESOLVED) {
            throw ProblemException.conflict("Incident " + id + " is already resolved");
        }
        cancelPending(i);
        i.status = Incident.Status.RESOLVED;
        i.resolvedAt = Instant.now(clock);
        i.resolvedBy = caller.username();
        i.openKey = null;
        i.nextStepAt = null;
        timeline.add(i.id, IncidentEvent.Kind.RESOLVED, "resolved");
        audit.record("RESOLVE", "incident", i.id, i.partner, Map.of("status", "RESOLVED"));
        return view(i);
    }

    public IncidentView note(long id, String message) {
        Incident i = lock(id);
        requireResponderRights(i);
        timeline.add(i.id, IncidentEvent.Kind.NOTE, message.trim());
        return view(i);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IncidentView> get(long id) {
        return Incident.<Incident>findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentView> list(PageRequest page, String partner, Incident.Status status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partner != null) {
            where.append(" and partner = :partner");
            params.and("partner", partner);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return Page.of(
                Incident.<Incident>find(where.toString(), page.toSort(SORTS, "-createdAt", "id"), params.map()),
                page,
                i -> IncidentView.of(i, null));
    }

    private void cancelPending(Incident i) {
        if (i.nextStepAt == null || i.policyId == null) {
            return;
        }
        escalations.stop(i.id, i.step, i.pass);
    }

    private static Incident lock(long id) {
        Incident i = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return i;
    }

    /** Admins; API keys with incidents:write for their own partner; managers and engineers of the partner. */
    private void requireRaiseRights(String partner) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.INTEGRATION)) {
            if (!caller.hasScope(WRITE_SCOPE)) {
                throw ProblemException.forbidden("This API key lacks the " + WRITE_SCOPE + " permission");
            }
            if (!caller.isOf(partner)) {
                throw ProblemException.forbidden("This API key raises incidents only for its own partner");
            }
            return;
        }
        if (caller.hasRole(Roles.MANAGER) || caller.hasRole(Roles.ENGINEER)) {
            if (!caller.isOf(partner)) {
                throw ProblemException.forbidden("You raise incidents only for your own partner");
            }
            return;
        }
        throw ProblemException.forbidden(
                "Only engineers, managers, admins and API keys with " + WRITE_SCOPE + " raise incidents");
    }

    /**
     * Those who may acknowledge or resolve: admins, the partner's managers and engineers, an API key
     * of the partner with incidents:write, and anyone this incident has paged (a pooled engineer
     * from another partner).
     */
    private void requireResponderRights(Incident i) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.INTEGRATION)) {
            if (caller.hasScope(WRITE_SCOPE) && caller.isOf(i.partner)) {
                return;
            }
            throw ProblemException.forbidden("This API key may not change incidents of " + i.partner);
        }
        if ((caller.hasRole(Roles.MANAGER) || caller.hasRole(Roles.ENGINEER)) && caller.isOf(i.partner)) {
            return;
        }
        Optional<Long> me = caller.personId();
        if (me.isPresent() && outbox.paged(i.id, me.get())) {
            return;
        }
        throw ProblemException.forbidden(
                "Only people this incident paged, " + i.partner + "'s engineers and managers, and admins may do this");
    }

    IncidentView view(Incident i) {
        List<EventView> events = IncidentEvent.<IncidentEvent>list("incidentId = ?1 order by id", i.id).stream()
                .map(EventView::of)
                .toList();
        return IncidentView.of(i, events);
    }
}
