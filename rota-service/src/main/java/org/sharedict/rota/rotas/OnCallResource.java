package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.platform.Times;

@Path("/api/oncall")
@Authenticated
@Tag(name = "On call", description = "Exactly who is primary and secondary for a partner at an instant")
public class OnCallResource {

    @Inject
    OnCallService onCall;

    @Inject
    Clock clock;

    /** docs/ARCHITECTURE.md "rota-service": {@code covered: false} and null people when no rota covers the partner then. */
    @GET
    public OnCallService.OnCall get(@QueryParam("partner") String partner, @QueryParam("at") String at) {
        String p = QueryParams.partner("partner", partner, true);
        Instant t = Times.instant("at", at, Instant.now(clock));
        return onCall.lookup(p, t);
    }
}
