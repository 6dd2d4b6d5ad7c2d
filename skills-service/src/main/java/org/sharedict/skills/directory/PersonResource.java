package org.sharedict.skills.directory;

import java.net.URI;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.skills.directory.PersonDtos.AvailabilityUpdate;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;

@Path("/api/people")
@Authenticated
@Tag(name = "People", description = "ICT staff of every partner, their contact details and availability")
public class PersonResource {

    private final PersonService people;

    PersonResource(PersonService people) {
        this.people = people;
    }

    @GET
    public Page<PersonView> list(
            @BeanParam @Valid PageRequest page,
            @QueryParam("partner") String partner,
            @QueryParam("manager") String manager,
            @QueryParam("q") String q,
            @QueryParam("email") String email,
            @QueryParam("available") String available) {
        return people.list(
                page,
                new PersonService.Filter(
                        partner,
                        QueryParams.bool("manager", manager),
                        q,
                        email,
                        QueryParams.bool("available", available)));
    }

    @APIResponse(
            responseCode = "200",
            description = "The person; ETag is their version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "404", description = "No such person")
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return people.get(id)
                .map(p -> Response.ok(p).tag(ETags.of(p.version())))
                .orElseThrow(() -> ProblemException.notFound("Person", id))
                .build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The person added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "409", description = "Someone has this email already")
    @POST
    public Response create(@Valid @NotNull PersonInput body) {
        PersonView p = people.create(body);
        return Response.created(URI.create("/api/people/" + p.id()))
                .entity(p)
                .tag(ETags.of(p.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The person as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull PersonInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PersonView p = people.update(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The person as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}/availability")
    public Response updateAvailability(
            @PathParam("id") long id,
            @Valid @NotNull AvailabilityUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PersonView p = people.updateAvailability(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The person, confirmed today",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @POST
    @Path("/{id}/confirm")
    public Response confirm(@PathParam("id") long id) {
        PersonView p = people.confirm(id);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed, with their skills and certifications")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        people.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
