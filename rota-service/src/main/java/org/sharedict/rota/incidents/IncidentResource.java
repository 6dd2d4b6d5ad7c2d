package org.sharedict.rota.incidents;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.incidents.IncidentDtos.NoteInput;
import org.sharedict.rota.platform.Params;

import io.quarkus.security.Authenticated;

@Path("/api/incidents")
@Authenticated
@Tag(name = "Incidents", description = "Raise, escalate, acknowledge and resolve pages; each incident's timeline")
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @GET
    public Page<IncidentView> list(@BeanParam @Valid PageRequest page, @QueryParam("partner") String partner,
            @QueryParam("status") String status) {
        return incidents.list(page, Params.partner("partner", partner, false), Params.enumValue("status", status, Incident.Status.class, null));
    }

    /** 201 for a new incident (step 1 notified at once); 200 with the open incident when its dedupKey repeats. */
    @POST
    public Response raise(@Valid @NotNull IncidentInput body) {
        IncidentService.Raised r;
        try {
            r = incidents.raise(body);
        } catch (RuntimeException e) {
            if (body.dedupKey() == null || !IncidentService.duplicateKey(e)) {
                throw e;
            }
            // A concurrent raise of the same new dedup key committed first: this one joins it.
            r = incidents.raise(body);
        }
        Response.ResponseBuilder b = r.created() ? Response.created(URI.create("/api/incidents/" + r.incident().id())) : Response.ok();
        return b.entity(r.incident()).tag(ETags.of(r.incident().version())).build();
    }

    @GET
    @Path("/{id:\\d+}")
    public Response get(@PathParam("id") long id) {
        return incidents.get(id).map(i -> Response.ok(i).tag(ETags.of(i.version())))
                .orElseThrow(() -> ProblemException.notFound("Incident", id)).build();
    }

    @POST
    @Path("/{id:\\d+}/acknowledge")
    public IncidentView acknowledge(@PathParam("id") long id) {
        return incidents.acknowledge(id);
    }

    @POST
    @Path("/{id:\\d+}/resolve")
    public IncidentView resolve(@PathParam("id") long id) {
        return incidents.resolve(id);
    }

    @POST
    @Path("/{id:\\d+}/notes")
    public IncidentView note(@PathParam("id") long id, @Valid @NotNull NoteInput body) {
        return incidents.note(id, body.message());
    }
}
