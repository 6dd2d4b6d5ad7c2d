package org.sharedict.rota.intake;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.intake.IntakeDtos.CreatedHeartbeat;
import org.sharedict.rota.intake.IntakeDtos.HeartbeatView;
import org.sharedict.rota.intake.IntakeDtos.NewHeartbeat;

/** Heartbeat monitors, managed by the partner's managers (pinged at IntakeResource, without a token). */
@Path("/api/integrations/heartbeats")
@Authenticated
@Tag(name = "Heartbeat monitors", description = "Jobs and systems that must ping in time, or page")
public class HeartbeatResource {

    private final Heartbeats heartbeats;

    public HeartbeatResource(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @GET
    public List<HeartbeatView> list(@QueryParam("partner") String partner) {
        return heartbeats.list(QueryParams.partner("partner", partner, false));
    }

    @POST
    @APIResponse(
            responseCode = "201",
            description = "The monitor and its ping URL, shown this once; silent from now, it raises an incident",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedHeartbeat.class)))
    public Response create(@Valid @NotNull NewHeartbeat body) {
        CreatedHeartbeat c = heartbeats.create(body);
        return Response.created(
                        URI.create("/api/integrations/heartbeats/" + c.monitor().id()))
                .entity(c)
                .build();
    }

    @DELETE
    @Path("/{id:\\d+}")
    @APIResponse(responseCode = "204", description = "Deleted; an incident it raised stays as it is")
    @APIResponse(responseCode = "404", description = "No heartbeat monitor has this ID")
    public void delete(@PathParam("id") long id) {
        heartbeats.delete(id);
    }
}
