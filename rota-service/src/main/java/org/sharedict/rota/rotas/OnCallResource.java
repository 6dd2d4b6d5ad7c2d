package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;

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

    private final OnCallService onCall;
    private final Clock clock;
    private final LeaveSync leaveSync;

    public OnCallResource(OnCallService onCall, Clock clock, LeaveSync leaveSync) {
        this.onCall = onCall;
        this.clock = clock;
        this.leaveSync = leaveSync;
    }

    /** docs/ARCHITECTURE.md "rota-service": {@code covered: false} and null people when no rota covers the partner then. */
    @GET
    public OnCallService.OnCall get(@QueryParam("partner") String partner, @QueryParam("at") String at) {
        String p = QueryParams.partner("partner", partner, true);
        Instant t = Times.instant("at", at, Instant.now(clock));
        // Leave is skills-service's: a 503 when it cannot say, never someone on leave shown as on call.
        leaveSync.requireCurrent();
        return onCall.lookup(p, t);
    }
}
