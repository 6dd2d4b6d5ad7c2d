package org.sharedict.rota.people;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/**
 * What rota-service asks skills-service: does this partner exist, does this person exist (and how to
 * reach them), who are a partner's managers. Bounded in time, paused after repeated failures; the
 * answer then says "unknown" so a write can refuse clearly (503) instead of failing with a 500.
 * A 404 is an answer (the partner or person does not exist), not a failure.
 */
@ApplicationScoped
public class PeopleDirectory {

    public record Person(long id, String partner, String name, String email, String phone, boolean manager) {}

    private final SkillsApi api;

    PeopleDirectory(@RestClient SkillsApi api) {
        this.api = api;
    }

    /** The partner's name, when skills-service knows the code. */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "partnerUnknown")
    public Lookup<String> partner(String code) {
        try {
            return Lookup.known(api.partner(code).name());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("skills-service has no partner " + code);
            }
            throw e;
        }
    }

    Lookup<String> partnerUnknown(String code, Throwable cause) {
        Log.debugf("skills-service could not say whether partner %s exists: %s", code, cause.toString());
        return Lookup.unanswered("skills-service", cause);
    }

    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "personUnknown")
    public Lookup<Person> person(long id) {
        try {
            return Lookup.known(of(api.person(id)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("skills-service has no person " + id);
            }
            throw e;
        }
    }

    Lookup<Person> personUnknown(long id, Throwable cause) {
        Log.debugf("skills-service could not say who person %d is: %s", id, cause.toString());
        return Lookup.unanswered("skills-service", cause);
    }

    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "managersUnknown")
    public Lookup<List<Person>> managers(String partner) {
        SkillsApi.PersonPage page = api.people(partner, true, 100);
        List<Person> people = page.items() == null
                ? List.of()
                : page.items().stream().map(PeopleDirectory::of).toList();
        return Lookup.known(people);
    }

    Lookup<List<Person>> managersUnknown(String partner, Throwable cause) {
        Log.debugf("skills-service could not name the managers of %s: %s", partner, cause.toString());
        return Lookup.unanswered("skills-service", cause);
    }

    private static Person of(SkillsApi.PersonView v) {
        String phone = v.mobile() != null && !v.mobile().isBlank() ? v.mobile() : v.workPhone();
        return new Person(v.id(), v.partner(), v.name(), v.email(), phone, v.manager());
    }
}
