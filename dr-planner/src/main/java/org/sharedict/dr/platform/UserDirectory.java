package org.sharedict.dr.platform;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;
import org.sharedict.platform.security.Roles;

/**
 * Who may approve a partner's plans, as the gateway (which owns users) has them now: the partner's
 * enabled DR leads and the admins, with their addresses. Asked with the caller's token, bounded in
 * time and paused after repeated failures; then, and when the gateway refuses, the answer is a clear
 * UNKNOWN with the reason, so a submission goes through and says whom it could not tell.
 */
@ApplicationScoped
public class UserDirectory {

    /** Someone to write to; {@code admin} approves every partner's plans. */
    public record Person(String username, String name, String email, boolean admin) {}

    private final GatewayApi api;

    UserDirectory(@RestClient GatewayApi api) {
        this.api = api;
    }

    /** The partner's DR leads and the admins. 4 s: a submission waits for it, once. */
    @Timeout(4000)
    @CircuitBreaker
    @Fallback(fallbackMethod = "unknown")
    public Lookup<List<Person>> approversOf(String partner) {
        return contacts(partner, List.of(Roles.DR_LEAD, Roles.ADMIN));
    }

    /** The address of a plan's author who is a DR lead, manager or admin (whoever may write plans). */
    @Timeout(4000)
    @CircuitBreaker
    @Fallback(fallbackMethod = "unknownAddress")
    public Lookup<String> emailOf(String partner, String username) {
        Lookup<List<Person>> all = contacts(partner, List.of(Roles.DR_LEAD, Roles.MANAGER, Roles.ADMIN));
        if (!all.isKnown()) {
            return Lookup.unknown(all.reason());
        }
        return all.value().stream()
                .filter(p -> p.username().equalsIgnoreCase(username))
                .findFirst()
                .map(p -> Lookup.known(p.email()))
                .orElseGet(() -> Lookup.notFound("the gateway has no address for " + username));
    }

    private Lookup<List<Person>> contacts(String partner, List<String> roles) {
        try {
            List<GatewayApi.Contact> found = api.contacts(partner, roles);
            return Lookup.known(
                    found == null
                            ? List.of()
                            : found.stream()
                                    .filter(c -> c.email() != null && !c.email().isBlank())
                                    .map(c -> new Person(
                                            c.username(),
                                            c.name(),
                                            c.email(),
                                            c.roles() != null && c.roles().contains(Roles.ADMIN)))
                                    .toList());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return Lookup.unknown(
                    "the gateway refused it (HTTP " + e.getResponse().getStatus() + ")");
        }
    }

    Lookup<List<Person>> unknown(String partner, Throwable cause) {
        Log.infof("The gateway's directory of %s did not answer: %s", partner, cause.toString());
        return Lookup.unanswered("the gateway", cause);
    }

    Lookup<String> unknownAddress(String partner, String username, Throwable cause) {
        return Lookup.unanswered("the gateway", cause);
    }
}
