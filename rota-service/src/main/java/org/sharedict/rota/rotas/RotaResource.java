package org.sharedict.rota.rotas;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.RotaDtos.LeaveInput;
import org.sharedict.rota.rotas.RotaDtos.LeaveView;
import org.sharedict.rota.rotas.RotaDtos.OverrideInput;
import org.sharedict.rota.rotas.RotaDtos.OverrideView;
import org.sharedict.rota.rotas.RotaDtos.RotaInput;
import org.sharedict.rota.rotas.RotaDtos.RotaView;
import org.sharedict.rota.rotas.RotaDtos.ShiftView;
import org.sharedict.rota.rotas.RotaDtos.SwapInput;
import org.sharedict.rota.rotas.RotaDtos.SwapView;
import org.sharedict.rota.schedule.Layer;

@Path("/api/rotas")
@Authenticated
@Tag(name = "Rotas", description = "Pooled rotas, their shifts, overrides, leave and swaps")
public class RotaResource {

    private final RotaService rotas;
    private final ShiftService shiftService;
    private final OverrideService overrides;
    private final LeaveService leaves;
    private final SwapService swaps;
    private final People people;
    private final Clock clock;
    private final LeaveSync leaveSync;

    public RotaResource(
            RotaService rotas,
            ShiftService shiftService,
            OverrideService overrides,
            LeaveService leaves,
            SwapService swaps,
            People people,
            Clock clock,
            LeaveSync leaveSync) {
        this.rotas = rotas;
        this.shiftService = shiftService;
        this.overrides = overrides;
        this.leaves = leaves;
        this.swaps = swaps;
        this.people = people;
        this.clock = clock;
        this.leaveSync = leaveSync;
    }

    @GET
    public Page<RotaView> list(@BeanParam @Valid PageRequest page, @QueryParam("partner") String partner) {
        return rotas.list(page, QueryParams.partner("partner", partner, false));
    }

    @GET
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The rota, with its version as ETag",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotaView.class)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public Response get(@PathParam("id") long id) {
        return rotas.get(id)
                .map(r -> Response.ok(r).tag(ETags.of(r.version())))
                .orElseThrow(() -> ProblemException.notFound("Rota", id))
                .build();
    }

    @POST
    @APIResponse(
            responseCode = "201",
            description = "The rota created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotaView.class)))
    @APIResponse(responseCode = "409", description = "Another rota has this name")
    public Response create(@Valid @NotNull RotaInput body) {
        RotaView r = rotas.create(body);
        return Response.created(URI.create("/api/rotas/" + r.id()))
                .entity(r)
                .tag(ETags.of(r.version()))
                .build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The rota as changed",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotaView.class)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    @APIResponse(
            responseCode = "409",
            description = "Another rota has this name, or the body's version is not the stored one")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    @APIResponse(
            responseCode = "428",
            description = "Neither If-Match nor the body's version says which version was edited")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull RotaInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RotaView r = rotas.update(id, body, ifMatch);
        return Response.ok(r).tag(ETags.of(r.version())).build();
    }

    @DELETE
    @Path("/{id:\\d+}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    @APIResponse(responseCode = "409", description = "An escalation policy pages this rota")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rotas.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The covered shifts between two instants (default: the next 28 days), with who holds each and why. */
    @GET
    @Path("/{id:\\d+}/shifts")
    @APIResponse(
            responseCode = "200",
            description = "The covered shifts, in order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShiftView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public List<ShiftView> shifts(
            @PathParam("id") long id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("layer") String layer) {
        Instant f = Times.instant("from", from, Instant.now(clock));
        Instant t = Times.instant("to", to, f.plus(Duration.ofDays(28)));
        Layer only = QueryParams.enumValue("layer", layer, Layer.class, null);
        leaveSync.requireCurrent();
        return shiftService.shifts(id, f, t, only);
    }

    @GET
    @Path("/{id:\\d+}/overrides")
    @APIResponse(
            responseCode = "200",
            description = "The overrides meeting the range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OverrideView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public List<OverrideView> overrides(
            @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = Times.instant("from", from, Instant.now(clock).minus(Duration.ofDays(30)));
        return overrides.overrides(id, f, Times.instant("to", to, f.plus(Duration.ofDays(400))));
    }

    @POST
    @Path("/{id:\\d+}/overrides")
    @APIResponse(
            responseCode = "201",
            description = "The override added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public Response addOverride(@PathParam("id") long id, @Valid @NotNull OverrideInput body) {
        OverrideView o = overrides.addOverride(id, body);
        return Response.created(URI.create("/api/rotas/" + id + "/overrides/" + o.id()))
                .entity(o)
                .build();
    }

    @DELETE
    @Path("/{id:\\d+}/overrides/{overrideId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rota, or no such override on it")
    public Response deleteOverride(@PathParam("id") long id, @PathParam("overrideId") long overrideId) {
        overrides.deleteOverride(id, overrideId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id:\\d+}/swaps")
    @APIResponse(
            responseCode = "200",
            description = "The rota's swaps",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public List<SwapView> swaps(@PathParam("id") long id) {
        return swaps.swaps(id);
    }

    @POST
    @Path("/{id:\\d+}/swaps")
    @APIResponse(
            responseCode = "201",
            description = "The swap added",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SwapView.class)))
    @APIResponse(responseCode = "404", description = "No rota has this ID")
    public Response addSwap(@PathParam("id") long id, @Valid @NotNull SwapInput body) {
        SwapView s = swaps.addSwap(id, body);
        return Response.created(URI.create("/api/rotas/" + id + "/swaps/" + s.id()))
                .entity(s)
                .build();
    }

    @DELETE
    @Path("/{id:\\d+}/swaps/{swapId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rota, or no such swap on it")
    public Response deleteSwap(@PathParam("id") long id, @PathParam("swapId") long swapId) {
        swaps.deleteSwap(id, swapId);
        return Response.noContent().build();
    }

    /** Leave belongs to a person and applies to every rota they are on. */
    @GET
    @Path("/leave")
    public List<LeaveView> leave(
            @QueryParam("personId") Long personId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = Times.instant("from", from, Instant.now(clock).minus(Duration.ofDays(30)));
        Instant t = Times.instant("to", to, f.plus(Duration.ofDays(400)));
        Times.requireRange("to", f, t, RotaRules.MAX_RANGE);
        leaveSync.requireCurrent();
        return leaves.leave(personId, f, t);
    }

    @POST
    @Path("/leave")
    @APIResponse(
            responseCode = "201",
            description = "The leave recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeaveView.class)))
    public Response addLeave(@Valid @NotNull LeaveInput body) {
        LeaveView l = leaves.addLeave(body);
        return Response.created(URI.create("/api/rotas/leave/" + l.id()))
                .entity(l)
                .build();
    }

    @DELETE
    @Path("/leave/{leaveId}")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No leave has this ID")
    public Response deleteLeave(@PathParam("leaveId") long leaveId) {
        leaves.deleteLeave(leaveId);
        return Response.noContent().build();
    }

    /** Refreshes the names and contact details rota-service keeps of every known person from skills-service. */
    @POST
    @Path("/people/refresh")
    @RolesAllowed({"admin", "manager"})
    public People.Refresh refreshPeople() {
        return people.refreshAllAnswer();
    }
}
