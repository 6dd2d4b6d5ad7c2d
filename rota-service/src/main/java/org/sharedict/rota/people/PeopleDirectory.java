package org.sharedict.rota.people;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;

/**
 * What rota-service asks skills-service: does this person exist (and how to reach them), who are a
 * partner's managers. Bounded in time, paused after repeated failures; the answer then says
 * "unknown" so a write can refuse clearly (503) instead of failing with a 500.
 */
@ApplicationScoped
public class PeopleDirectory {

    public enum Status { FOUND, NOT_FOUND, UNKNOWN }

    public record Answer<T>(Status status, T value, String reason) {
    }

    public record Person(long id, String partner, String name, String email, String phone, boolean manager) {
    }

    @Inject
    @RestClient
    SkillsApi api;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "personUnknown")
    public Answer<Person> person(long id, String authorization) {
        try {
            return new Answer<>(Status.FOUND, of(api.person(id, authorization)), null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new Answer<>(Status.NOT_FOUND, null, "skills-service has no person " + id);
            }
            throw e;
        }
    }

    Answer<Person> personUnknown(long id, String authorization, Throwable cause) {
        Log.debugf("skills-service could not say who person %d is: %s", id, cause.toString());
        return new Answer<>(Status.UNKNOWN, null, "skills-service did not answer (" + describe(cause) + ")");
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "managersUnknown")
    public Answer<List<Person>> managers(String partner, String authorization) {
        SkillsApi.PersonPage page = api.people(partner, true, 100, authorization);
        List<Person> people = page.items() == null ? List.of() : page.items().stream().map(PeopleDirectory::of).toList();
        return new Answer<>(Status.FOUND, people, null);
    }

    Answer<List<Person>> managersUnknown(String partner, String authorization, Throwable cause) {
        Log.debugf("skills-service could not name the managers of %s: %s", partner, cause.toString());
        return new Answer<>(Status.UNKNOWN, null, "skills-service did not answer (" + describe(cause) + ")");
    }

    private static Person of(SkillsApi.PersonView v) {
        String phone = v.mobile() != null && !v.mobile().isBlank() ? v.mobile() : v.workPhone();
        return new Person(v.id(), v.partner(), v.name(), v.email(), phone, v.manager());
    }

    static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out";
        }
        if (name.contains("CircuitBreakerOpen")) {
            return "paused after repeated failures";
        }
        if (t instanceof WebApplicationException w) {
            return "HTTP " + w.getResponse().getStatus();
        }
        return "unreachable";
    }
}
