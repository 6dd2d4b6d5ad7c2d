package org.sharedict.dr.platform;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/**
 * A DR call-out through rota-service: raising the incident that pages the plan's people, reading how
 * it stands, resolving it. Bounded in time and paused after repeated failures like every call out;
 * then, and when rota-service refuses (a 4xx), the answer is a clear UNKNOWN with the reason, never
 * an error, so an invocation opens and closes whatever rota-service does.
 */
@ApplicationScoped
public class IncidentDesk {

    /** A person the call-out names, by skills-service ID, and why them. */
    public record Named(long personId, String name, String why) {}

    public record CallOut(
            String partner,
            String summary,
            String details,
            String reference,
            String link,
            Named owner,
            List<Named> responders) {}

    /** The incident as dr-planner shows it. */
    public record Incident(
            long id,
            String status,
            String policyName,
            Instant acknowledgedAt,
            String acknowledgedBy,
            Instant resolvedAt,
            String resolvedBy) {}

    private final RotaApi api;

    IncidentDesk(@RestClient RotaApi api) {
        this.api = api;
    }

    /**
     * Raises the call-out. Its reference is the incident's dedup key, so a retry after an answer
     * was lost joins the incident rota-service raised instead of paging everyone twice.
     */
    @Timeout(4000)
    @CircuitBreaker
    @Fallback(fallbackMethod = "raiseUnknown")
    public Lookup<Incident> raise(CallOut c) {
        try {
            return Lookup.known(incident(api.raise(new RotaApi.IncidentInput(
                    c.partner(),
                    c.summary(),
                    "CRITICAL",
                    c.reference(),
                    c.details(),
                    new RotaApi.CallOut(
                            c.reference(),
                            c.link(),
                            responder(c.owner()),
                            c.responders().stream().map(IncidentDesk::responder).toList())))));
        } catch (WebApplicationException e) {
            return refused(e);
        }
    }

    Lookup<Incident> raiseUnknown(CallOut c, Throwable cause) {
        Log.infof("rota-service did not take the call-out %s: %s", c.reference(), cause.toString());
        return Lookup.unanswered("rota-service", cause);
    }

    /** The incident now: acknowledged by whom, resolved; NOT_FOUND when rota-service no longer has it. */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "incidentUnknown")
    public Lookup<Incident> incident(long id) {
        try {
            return Lookup.known(incident(api.incident(id)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("rota-service has no incident " + id);
            }
            return refused(e);
        }
    }

    Lookup<Incident> incidentUnknown(long id, Throwable cause) {
        return Lookup.unanswered("rota-service", cause);
    }

    /** Resolves the incident; one resolved already (by a responder) is an answer too. */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "incidentUnknown")
    public Lookup<Incident> resolve(long id) {
        try {
            return Lookup.known(incident(api.resolve(id)));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                Incident now = incident(api.incident(id));
                return "RESOLVED".equals(now.status()) ? Lookup.known(now) : refused(e);
            }
            if (status == 404) {
                return Lookup.notFound("rota-service has no incident " + id);
            }
            return refused(e);
        }
    }

    /** A 4xx is rota-service's considered answer (not an outage): it does not count against the circuit. */
    private static <T> Lookup<T> refused(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.getStatus() >= 500) {
            throw e;
        }
        String detail = null;
        try {
            detail = r.hasEntity() ? r.readEntity(Problem.class).detail() : null;
        } catch (RuntimeException ignored) {
            // not a problem document: the status says enough
        }
        return Lookup.unknown(
                "rota-service refused it (HTTP " + r.getStatus() + (detail == null ? "" : ": " + detail) + ")");
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String detail) {}

    private static Incident incident(RotaApi.IncidentView v) {
        return new Incident(
                v.id(),
                v.status(),
                v.policyName(),
                v.acknowledgedAt(),
                v.acknowledgedBy(),
                v.resolvedAt(),
                v.resolvedBy());
    }

    private static RotaApi.Responder responder(Named n) {
        return n == null ? null : new RotaApi.Responder(n.personId(), n.name(), n.why());
    }
}
