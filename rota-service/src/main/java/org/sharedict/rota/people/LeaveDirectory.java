package org.sharedict.rota.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;

/**
 * Leave, which skills-service owns (docs/ARCHITECTURE.md, "One leave record"): reading every
 * period, and writing rota-service's leave entries through to it. Bounded in time and paused after
 * repeated failures like {@link PeopleDirectory}; a refusal by skills-service (4xx) is an answer
 * passed on to the caller, not a failure.
 */
@ApplicationScoped
public class LeaveDirectory {

    /** One period away, as skills-service holds it. */
    public record Away(
            long id, long personId, Instant start, Instant end, String reason, String createdBy, Instant createdAt) {}

    private final SkillsApi api;

    LeaveDirectory(@RestClient SkillsApi api) {
        this.api = api;
    }

    /** Every period ending after {@code from}; unknown when skills-service cannot answer. */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "leaveUnknown")
    public Lookup<List<Away>> leave(Instant from) {
        List<SkillsApi.LeaveView> list = api.leave(from.toString());
        return Lookup.known(
                list == null ? List.of() : list.stream().map(LeaveDirectory::of).toList());
    }

    Lookup<List<Away>> leaveUnknown(Instant from, Throwable cause) {
        Log.debugf("skills-service could not say who is on leave: %s", cause.toString());
        return Lookup.unanswered("skills-service", cause);
    }

    /**
     * Records a period with skills-service: its refusal is passed on (400 naming the field, 403),
     * a person it does not know is a 400 naming {@code personId}, and no answer is a 503.
     */
    @Timeout
    @CircuitBreaker(skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "addUnanswered", skipOn = ProblemException.class)
    public Away add(long personId, Instant start, Instant end, String reason) {
        try {
            return of(api.addLeave(personId, new SkillsApi.LeaveBody(start, end, reason)));
        } catch (WebApplicationException e) {
            throw refused(e, personId);
        }
    }

    Away addUnanswered(long personId, Instant start, Instant end, String reason, Throwable cause) {
        throw unanswered(cause);
    }

    /** Removes a period at skills-service; one it no longer has is gone already. */
    @Timeout
    @CircuitBreaker(skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "removeUnanswered", skipOn = ProblemException.class)
    public void remove(long personId, long leaveId) {
        try {
            api.deleteLeave(personId, leaveId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw refused(e, personId);
            }
        }
    }

    void removeUnanswered(long personId, long leaveId, Throwable cause) {
        throw unanswered(cause);
    }

    private static ProblemException unanswered(Throwable cause) {
        Lookup<Void> why = Lookup.unanswered("skills-service", cause);
        return ProblemException.unavailable("Cannot record leave with skills-service, which keeps it: " + why.reason()
                + "; nothing was changed, try again shortly");
    }

    /** A 4xx from skills-service as the same answer here; a 5xx stays a failure (the circuit counts it). */
    private static RuntimeException refused(WebApplicationException e, long personId) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return e;
        }
        String detail = detail(e);
        return switch (status) {
            case 404 -> ProblemException.invalid("personId", "skills-service has no person with this ID");
            case 403 ->
                ProblemException.forbidden(detail == null ? "skills-service refused to record this leave" : detail);
            case 400 -> ProblemException.invalid(errors(e, detail));
            default -> e;
        };
    }

    private static String detail(WebApplicationException e) {
        try {
            Object d = body(e).get("detail");
            return d == null ? null : d.toString();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static List<Problem.FieldError> errors(WebApplicationException e, String detail) {
        List<Problem.FieldError> out = new ArrayList<>();
        try {
            if (body(e).get("errors") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m && m.get("field") != null) {
                        out.add(new Problem.FieldError(
                                m.get("field").toString(), String.valueOf(m.get("message")), m.get("rejected")));
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // the field is named below
        }
        if (out.isEmpty()) {
            out.add(new Problem.FieldError("start", detail == null ? "skills-service refused this period" : detail));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebApplicationException e) {
        e.getResponse().bufferEntity();
        return e.getResponse().readEntity(Map.class);
    }

    private static Away of(SkillsApi.LeaveView v) {
        return new Away(v.id(), v.personId(), v.start(), v.end(), v.reason(), v.createdBy(), v.createdAt());
    }
}
