package org.sharedict.dr.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/** Who is on call now at a partner, from rota-service; "unknown" when rota-service cannot say. */
@ApplicationScoped
public class OnCallDirectory {

    public record OnCall(boolean covered, Person primary, Person secondary) {}

    public record Person(
            @Schema(nullable = true) Long personId,
            String name,
            String partner,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String rotaName,
            @Schema(nullable = true) String until) {}

    private final RotaApi api;

    OnCallDirectory(@RestClient RotaApi api) {
        this.api = api;
    }

    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "onCallUnknown")
    public Lookup<OnCall> onCallNow(String partner) {
        try {
            RotaApi.OnCallView v = api.onCall(partner);
            return Lookup.known(new OnCall(v.covered(), person(v.primary()), person(v.secondary())));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("rota-service has no rota for " + partner);
            }
            throw e;
        }
    }

    Lookup<OnCall> onCallUnknown(String partner, Throwable cause) {
        Log.debugf("rota-service could not say who is on call for %s: %s", partner, cause.toString());
        return Lookup.unanswered("rota-service", cause);
    }

    private static Person person(RotaApi.OnCallPerson p) {
        return p == null
                ? null
                : new Person(p.personId(), p.name(), p.partner(), p.phone(), p.email(), p.rotaName(), p.shiftEnd());
    }
}
