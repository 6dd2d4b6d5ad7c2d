package org.sharedict.rota.incidents;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.incidents.IncidentDtos.DeliveryView;
import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.incidents.IncidentDtos.NoteInput;

@Path("/api/incidents")
@Authenticated
@Tag(name = "Incidents", description = "Raise, escalate, acknowledge and resolve pages; each incident's timeline")
public class IncidentResource {

    private final IncidentService incidents;
    private final IncidentQueries queries;
    private final IncidentRaiser raiser;

    public IncidentResource(IncidentService incidents, IncidentQueries queries, IncidentRaiser raiser) {
        this.incidents = incidents;
        this.queries = queries;
        this.raiser = raiser;
    }

    @GET
    public Page<IncidentView> list(
            @BeanParam @Valid PageRequest page,
            @QueryParam("partner") String partner,
            @QueryParam("status") String status) {
        return queries.list(
                page,
                QueryParams.partner("partner", partner, false),
                QueryParams.enumValue("status", status, Incident.Status.class, null));
    }

    /** 201 for a new incident (step 1 notified at once); 200 with the open incident when its dedupKey repeats. */
    @POST
    @APIResponse(
            responseCode = "200",
            description = "The open incident with this dedupKey, one more occurrence",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(
            responseCode = "201",
            description = "A new incident; step 1 was notified",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(
            responseCode = "422",
            description = "No escalation policy applies to the partner (no-escalation-policy)")
    public Response raise(@Valid @NotNull IncidentInput body) {
        IncidentService.Raised r = raiser.raise(body);
        Response.ResponseBuilder b = r.created()
                ? Response.created(URI.create("/api/incidents/" + r.incident().id()))
                : Response.ok();
        return b.entity(r.incident()).tag(ETags.of(r.incident().version())).build();
    }

    @GET
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The incident and its timeline, with its version as ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No incident has this ID")
    public Response get(@PathParam("id") long id) {
        return queries.get(id)
                .map(i -> Response.ok(i).tag(ETags.of(i.version())))
                .orElseThrow(() -> ProblemException.notFound("Incident", id))
                .build();
    }

    @GET
    @Path("/{id:\\d+}/deliveries")
    @APIResponse(
            responseCode = "200",
            description = "Every page the incident sent or will send, one per person and method, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No incident has this ID")
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        return queries.deliveries(id);
    }

    @POST
    @Path("/{id:\\d+}/acknowledge")
    @APIResponse(
            responseCode = "200",
            description = "The incident, acknowledged; escalation stopped",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No incident has this ID")
    @APIResponse(responseCode = "409", description = "The incident is not TRIGGERED")
    public IncidentView acknowledge(@PathParam("id") long id) {
        return incidents.acknowledge(id);
    }

    @POST
    @Path("/{id:\\d+}/resolve")
    @APIResponse(
            responseCode = "200",
            description = "The incident, resolved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No incident has this ID")
    @APIResponse(responseCode = "409", description = "The incident is already resolved")
    public IncidentView resolve(@PathParam("id") long id) {
        return incidents.resolve(id);
    }

    @POST
    @Path("/{id:\\d+}/notes")
    @APIResponse(
            responseCode = "200",
            description = "The incident with the note on its timeline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No incident has this ID")
    public IncidentView note(@PathParam("id") long id, @Valid @NotNull NoteInput body) {
        return incidents.note(id, body.message());
    }
}
