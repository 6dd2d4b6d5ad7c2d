package org.sharedict.dr.invocations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.dr.invocations.InvocationDtos.CallOutPerson;
import org.sharedict.dr.invocations.InvocationDtos.CallOutSummary;
import org.sharedict.dr.invocations.InvocationDtos.CallOutView;
import org.sharedict.dr.invocations.InvocationDtos.IncidentNow;
import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.platform.IncidentDesk;
import org.sharedict.dr.platform.IncidentDesk.Incident;
import org.sharedict.dr.platform.IncidentDesk.Named;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * The call-out of an invocation: an incident in rota-service, raised through its DR call-out policy,
 * that pages the plan's owner and the owners of its first-wave steps (CallTree) and escalates and is
 * acknowledged like any page. rota-service is called outside any transaction of ours, after the
 * invocation is committed: the invocation opens (and closes) whatever rota-service does, and what
 * happened — the incident, or why it could not be sent or resolved — is recorded on the invocation
 * and its timeline, with a retry for those who may invoke (or close) it. Never silent.
 */
@ApplicationScoped
public class CallOutService {

    /** As many responders as rota-service takes on one call-out; a first wave larger than that is a plan to split. */
    static final int MAX_RESPONDERS = 50;

    private final PlanLoader plans;
    private final IncidentDesk desk;
    private final InvocationViews views;
    private final ActivationRules activationRules;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;

    CallOutService(
            PlanLoader plans,
            IncidentDesk desk,
            InvocationViews views,
            ActivationRules activationRules,
            Caller caller,
            Auditor audit,
            Clock clock,
            Json json) {
        this.plans = plans;
        this.desk = desk;
        this.views = views;
        this.activationRules = activationRules;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    private record Prepared(IncidentDesk.CallOut callOut, List<CallOutPerson> people) {}

    /** Sends the call-out of an invocation that is open (just invoked, or a retry). */
    public InvocationView send(long id) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(invocation(id)));
        Lookup<Incident> raised = desk.raise(p.callOut());
        return QuarkusTransaction.requiringNew().call(() -> sent(id, p.people(), raised));
    }

    /** After the invocation closed: resolves its incident, if one was raised. */
    public InvocationView resolve(long id) {
        Long incident = QuarkusTransaction.requiringNew().call(() -> {
            Invocation inv = invocation(id);
            return inv.callOutStatus == CallOutStatus.SENT || inv.callOutStatus == CallOutStatus.NOT_RESOLVED
                    ? inv.incidentId
                    : null;
        });
        if (incident == null) {
            return QuarkusTransaction.requiringNew().call(() -> views.view(invocation(id)));
        }
        Lookup<Incident> resolved = desk.resolve(incident);
        return QuarkusTransaction.requiringNew().call(() -> resolved(id, incident, resolved));
    }

    /** Sends a call-out that could not be sent, or resolves an incident that could not be resolved; 409 otherwise. */
    public InvocationView retry(long id) {
        Invocation inv = QuarkusTransaction.requiringNew().call(() -> invocation(id));
        if (inv.status == Invocation.Status.OPEN && inv.callOutStatus == CallOutStatus.NOT_SENT) {
            requireMaySend(inv);
            return send(id);
        }
        if (inv.status == Invocation.Status.CLOSED && inv.callOutStatus == CallOutStatus.NOT_RESOLVED) {
            caller.requireEditRightsFor(inv.partner, Roles.DR_LEAD, Roles.MANAGER);
            return resolve(id);
        }
        throw ProblemException.conflict("Nothing to retry: the call-out of invocation " + id + " is "
                        + (inv.callOutStatus == null ? "not recorded" : inv.callOutStatus) + " and the invocation "
                        + inv.status)
                .with("currentState", inv.callOutStatus == null ? "NONE" : inv.callOutStatus.name());
    }

    /** The call-out and the incident as rota-service has it now. */
    public CallOutView status(long id) {
        Invocation inv = QuarkusTransaction.requiringNew().call(() -> invocation(id));
        CallOutSummary summary = views.callOut(inv);
        IncidentNow now = null;
        String unknown = null;
        if (inv.incidentId != null) {
            Lookup<Incident> l = desk.incident(inv.incidentId);
            if (l.isKnown()) {
                Incident i = l.value();
                now = new IncidentNow(
                        i.id(),
                        i.status(),
                        i.policyName(),
                        i.acknowledgedAt(),
                        i.acknowledgedBy(),
                        i.resolvedAt(),
                        i.resolvedBy());
            } else {
                unknown = l.reason();
            }
        }
        return new CallOutView(summary, now, unknown, mayRetry(inv));
    }

    private boolean mayRetry(Invocation inv) {
        try {
            if (inv.status == Invocation.Status.OPEN && inv.callOutStatus == CallOutStatus.NOT_SENT) {
                requireMaySend(inv);
                return true;
            }
            if (inv.status == Invocation.Status.CLOSED && inv.callOutStatus == CallOutStatus.NOT_RESOLVED) {
                caller.requireEditRightsFor(inv.partner, Roles.DR_LEAD, Roles.MANAGER);
                return true;
            }
        } catch (ProblemException refused) {
            return false;
        }
        return false;
    }

    private void requireMaySend(Invocation inv) {
        LoadedPlan l = QuarkusTransaction.requiringNew().call(() -> plans.load(inv.planId));
        activationRules.requireMayInvoke(inv.partner, l.specifics().activation());
    }

    private Prepared prepare(Invocation inv) {
        List<CallOutPerson> people = CallTree.of(plans.load(inv.planId));
        Named owner = people.stream()
                .filter(p -> CallTree.OWNER.equals(p.role()) && p.notPaged() == null)
                .map(p -> new Named(p.personId(), p.name(), p.why()))
                .findFirst()
                .orElse(null);
        List<Named> responders = people.stream()
                .filter(p -> CallTree.RESPONDER.equals(p.role()) && p.notPaged() == null)
                .map(p -> new Named(p.personId(), p.name(), p.why()))
                .toList();
        String details = "Reason: " + inv.reason + (inv.criterion == null ? "" : "\nCriterion met: " + inv.criterion)
                + "\nInvoked by " + inv.startedBy + ". The live checklist: /#/dr/invocations/" + inv.id;
        return new Prepared(
                new IncidentDesk.CallOut(
                        inv.partner,
                        "DR plan invoked: " + inv.planName + " (revision " + inv.planRevision + ")",
                        details.length() > 10000 ? details.substring(0, 10000) : details,
                        "dr-invocation-" + inv.id,
                        "/#/dr/invocations/" + inv.id,
                        owner,
                        responders),
                people);
    }

    private InvocationView sent(long id, List<CallOutPerson> people, Lookup<Incident> raised) {
        Invocation inv = locked(id);
        Instant now = Instant.now(clock);
        inv.callOutPeople = json.write(new InvocationViews.People(people));
        inv.callOutAt = now;
        List<String> paged = people.stream()
                .filter(p -> p.notPaged() == null)
                .map(CallOutPerson::name)
                .distinct()
                .toList();
        long notPaged = people.stream().filter(p -> p.notPaged() != null).count();
        String message;
        if (raised.isKnown()) {
            inv.callOutStatus = CallOutStatus.SENT;
            inv.incidentId = raised.value().id();
            message = "Call-out sent: rota-service incident #" + inv.incidentId + " ("
                    + raised.value().policyName() + ") pages "
                    + (paged.isEmpty() ? "nobody named by the plan" : String.join(", ", paged))
                    + (notPaged == 0 ? "" : "; " + notPaged + " not paged (see why below)");
        } else {
            inv.callOutStatus = CallOutStatus.NOT_SENT;
            message = "The call-out could not be sent: " + raised.reason()
                    + ". Nobody has been paged: call the plan's people yourself, and retry the call-out";
        }
        inv.callOutDetail = message.length() > 1000 ? message.substring(0, 999) + "…" : message;
        inv.updatedAt = now;
        event(inv, now, raised.isKnown() ? "CALL_OUT_SENT" : "CALL_OUT_NOT_SENT", message);
        inv.flush();
        audit.record(
                "CALL_OUT",
                "dr-invocation",
                inv.id,
                inv.partner,
                Map.of("status", inv.callOutStatus, "incident", String.valueOf(inv.incidentId)));
        return views.view(inv);
    }

    private InvocationView resolved(long id, long incident, Lookup<Incident> resolved) {
        Invocation inv = locked(id);
        Instant now = Instant.now(clock);
        String message;
        if (resolved.status() == Lookup.Status.UNKNOWN) {
            inv.callOutStatus = CallOutStatus.NOT_RESOLVED;
            message = "rota-service incident #" + incident + " could not be resolved: " + resolved.reason()
                    + ". It keeps paging until it is resolved: retry here, or resolve it on the incident's page";
        } else {
            inv.callOutStatus = CallOutStatus.RESOLVED;
            message = resolved.isKnown()
                    ? "Call-out over: rota-service incident #" + incident + " resolved"
                    : "Call-out over: " + resolved.reason();
        }
        inv.callOutDetail = message.length() > 1000 ? message.substring(0, 999) + "…" : message;
        inv.callOutAt = now;
        inv.updatedAt = now;
        event(
                inv,
                now,
                inv.callOutStatus == CallOutStatus.RESOLVED ? "CALL_OUT_RESOLVED" : "CALL_OUT_NOT_RESOLVED",
                message);
        inv.flush();
        return views.view(inv);
    }

    private void event(Invocation inv, Instant at, String kind, String message) {
        InvocationEvent e = new InvocationEvent();
        e.invocationId = inv.id;
        e.at = at;
        e.actor = caller.username();
        e.kind = kind;
        e.message = message;
        e.persist();
    }

    private static Invocation invocation(long id) {
        return Invocation.<Invocation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Invocation", id));
    }

    /** Locked as every change to an invocation is (InvocationService): changes queue rather than deadlock. */
    private static Invocation locked(long id) {
        return Invocation.<Invocation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Invocation", id));
    }
}
