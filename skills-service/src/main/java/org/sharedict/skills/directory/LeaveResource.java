package org.sharedict.skills.directory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.skills.directory.LeaveDtos.LeaveInput;
import org.sharedict.skills.directory.LeaveDtos.LeaveView;

/** Leave: the partnership's one record of who is away when (rota-service writes and reads it here too). */
@Path("/api/people")
@Authenticated
@Tag(
        name = "Leave",
        description = "Periods people are away; rota-service's rotas skip them, profiles show 'away until'")
public class LeaveResource {

    private final LeaveBook leave;
    private final Clock clock;

    LeaveResource(LeaveBook leave, Clock clock) {
        this.leave = leave;
        this.clock = clock;
    }

    @APIResponse(
            responseCode = "200",
            description =
                    "Periods ending after `from` and starting before `to` (no `to`: every later one), earliest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = LeaveView.class)))
    @GET
    @Path("/leave")
    public List<LeaveView> list(
            @QueryParam("person") String person, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = LeaveBook.requireSupported(
                "from", QueryParams.instant("from", from, Instant.now(clock).minus(Duration.ofDays(30))));
        Instant t =
                LeaveBook.requireSupported("to", QueryParams.instant("to", to, Instant.parse("3000-01-01T00:00:00Z")));
        if (!t.isAfter(f)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        Integer id = QueryParams.integer("person", person, "12");
        return leave.list(id == null ? null : id.longValue(), f, t);
    }

    @APIResponse(
            responseCode = "201",
            description = "The period recorded; the person's `unavailableUntil` follows it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeaveView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not the person, their manager or an admin")
    @APIResponse(responseCode = "404", description = "No such person")
    @POST
    @Path("/{id}/leave")
    public Response add(@PathParam("id") long id, @Valid @NotNull LeaveInput body) {
        LeaveView l = leave.add(id, body);
        return Response.created(URI.create("/api/people/" + id + "/leave/" + l.id()))
                .entity(l)
                .build();
    }

    @APIResponse(responseCode = "204", description = "Removed; the person's `unavailableUntil` follows")
    @APIResponse(responseCode = "403", description = "Signed in, but not the person, their manager or an admin")
    @APIResponse(responseCode = "404", description = "No such person, or no such period of theirs")
    @DELETE
    @Path("/{id}/leave/{leaveId}")
    public Response delete(@PathParam("id") long id, @PathParam("leaveId") long leaveId) {
        leave.delete(id, leaveId);
        return Response.noContent().build();
    }
}
