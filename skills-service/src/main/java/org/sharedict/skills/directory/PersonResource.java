package org.sharedict.skills.directory;

import java.net.URI;

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
import org.sharedict.skills.directory.PersonDtos.AvailabilityUpdate;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;
import org.sharedict.skills.platform.Params;

import io.quarkus.security.Authenticated;

@Path("/api/people")
@Authenticated
@Tag(name = "People", description = "ICT staff of every partner, their contact details and availability")
public class PersonResource {

    @Inject
    PersonService people;

    @GET
    public Page<PersonView> list(@BeanParam @Valid PageRequest page, @QueryParam("partner") String partner,
            @QueryParam("manager") String manager, @QueryParam("q") String q, @QueryParam("email") String email,
            @QueryParam("available") String available) {
        return people.list(page, new PersonService.Filter(partner, Params.bool("manager", manager), q, email,
                Params.bool("available", available)));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return people.get(id)
                .map(p -> Response.ok(p).tag(ETags.of(p.version())))
                .orElseThrow(() -> ProblemException.notFound("Person", id))
                .build();
    }

    @POST
    public Response create(@Valid @NotNull PersonInput body) {
        PersonView p = people.create(body);
        return Response.created(URI.create("/api/people/" + p.id())).entity(p).tag(ETags.of(p.version())).build();
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @Valid @NotNull PersonInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PersonView p = people.update(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @PUT
    @Path("/{id}/availability")
    public Response updateAvailability(@PathParam("id") long id, @Valid @NotNull AvailabilityUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PersonView p = people.updateAvailability(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @POST
    @Path("/{id}/confirm")
    public Response confirm(@PathParam("id") long id) {
        PersonView p = people.confirm(id);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        people.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
