package org.sharedict.rota.rotas;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.Params;
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

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;

@Path("/api/rotas")
@Authenticated
@Tag(name = "Rotas", description = "Pooled rotas, their shifts, overrides, leave and swaps")
public class RotaResource {

    @Inject
    RotaService rotas;

    @Inject
    People people;

    @Inject
    Clock clock;

    @GET
    public Page<RotaView> list(@BeanParam @Valid PageRequest page, @QueryParam("partner") String partner) {
        return rotas.list(page, Params.partner("partner", partner, false));
    }

    @GET
    @Path("/{id:\\d+}")
    public Response get(@PathParam("id") long id) {
        return rotas.get(id).map(r -> Response.ok(r).tag(ETags.of(r.version())))
                .orElseThrow(() -> ProblemException.notFound("Rota", id)).build();
    }

    @POST
    public Response create(@Valid @NotNull RotaInput body) {
        RotaView r = rotas.create(body);
        return Response.created(URI.create("/api/rotas/" + r.id())).entity(r).tag(ETags.of(r.version())).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    public Response update(@PathParam("id") long id, @Valid @NotNull RotaInput body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RotaView r = rotas.update(id, body, ifMatch);
        return Response.ok(r).tag(ETags.of(r.version())).build();
    }

    @DELETE
    @Path("/{id:\\d+}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        rotas.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The covered shifts between two instants (default: the next 28 days), with who holds each and why. */
    @GET
    @Path("/{id:\\d+}/shifts")
    public List<ShiftView> shifts(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("layer") String layer) {
        Instant f = Params.instant("from", from, Instant.now(clock));
        Instant t = Params.instant("to", to, f.plus(Duration.ofDays(28)));
        return rotas.shifts(id, f, t, Params.enumValue("layer", layer, Layer.class, null));
    }

    @GET
    @Path("/{id:\\d+}/overrides")
    public List<OverrideView> overrides(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = Params.instant("from", from, Instant.now(clock).minus(Duration.ofDays(30)));
        return rotas.overrides(id, f, Params.instant("to", to, f.plus(Duration.ofDays(400))));
    }

    @POST
    @Path("/{id:\\d+}/overrides")
    public Response addOverride(@PathParam("id") long id, @Valid @NotNull OverrideInput body) {
        OverrideView o = rotas.addOverride(id, body);
        return Response.created(URI.create("/api/rotas/" + id + "/overrides/" + o.id())).entity(o).build();
    }

    @DELETE
    @Path("/{id:\\d+}/overrides/{overrideId}")
    public Response deleteOverride(@PathParam("id") long id, @PathParam("overrideId") long overrideId) {
        rotas.deleteOverride(id, overrideId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id:\\d+}/swaps")
    public List<SwapView> swaps(@PathParam("id") long id) {
        return rotas.swaps(id);
    }

    @POST
    @Path("/{id:\\d+}/swaps")
    public Response addSwap(@PathParam("id") long id, @Valid @NotNull SwapInput body) {
        SwapView s = rotas.addSwap(id, body);
        return Response.created(URI.create("/api/rotas/" + id + "/swaps/" + s.id())).entity(s).build();
    }

    @DELETE
    @Path("/{id:\\d+}/swaps/{swapId}")
    public Response deleteSwap(@PathParam("id") long id, @PathParam("swapId") long swapId) {
        rotas.deleteSwap(id, swapId);
        return Response.noContent().build();
    }

    /** Leave belongs to a person and applies to every rota they are on. */
    @GET
    @Path("/leave")
    public List<LeaveView> leave(@QueryParam("personId") Long personId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = Params.instant("from", from, Instant.now(clock).minus(Duration.ofDays(30)));
        return rotas.leave(personId, f, Params.instant("to", to, f.plus(Duration.ofDays(400))));
    }

    @POST
    @Path("/leave")
    public Response addLeave(@Valid @NotNull LeaveInput body) {
        LeaveView l = rotas.addLeave(body);
        return Response.created(URI.create("/api/rotas/leave/" + l.id())).entity(l).build();
    }

    @DELETE
    @Path("/leave/{leaveId}")
    public Response deleteLeave(@PathParam("leaveId") long leaveId) {
        rotas.deleteLeave(leaveId);
        return Response.noContent().build();
    }

    /** Refreshes the names and contact details rota-service keeps of every known person from skills-service. */
    @POST
    @Path("/people/refresh")
    @RolesAllowed({ "admin", "manager" })
    public People.Refresh refreshPeople() {
        return people.refreshAllAnswer();
    }
}
