package org.sharedict.gateway.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/**
 * What the gateway asks skills-service when users are created or changed: does a partner code
 * exist, and who is a person. Bounded in time, paused after repeated failures, and "unknown" (never
 * an error) when skills-service does not answer; 404 is an answer.
 */
@ApplicationScoped
public class SkillsDirectory {

    public record Person(long id, String partner, String name, String email) {}

    private final SkillsApi api;

    SkillsDirectory(@RestClient SkillsApi api) {
        this.api = api;
    }

    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "partnerUnknown")
    public Lookup<String> partnerExists(String code) {
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
        return Lookup.unanswered("skills-service", cause);
    }

    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "personUnknown")
    public Lookup<Person> person(long id) {
        try {
            SkillsApi.PersonRef p = api.person(id);
            return Lookup.known(new Person(p.id(), p.partner(), p.name(), p.email()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("skills-service has no person " + id);
            }
            throw e;
        }
    }

    Lookup<Person> personUnknown(long id, Throwable cause) {
        return Lookup.unanswered("skills-service", cause);
    }
}
