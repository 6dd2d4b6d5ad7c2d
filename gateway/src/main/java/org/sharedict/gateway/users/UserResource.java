package org.sharedict.gateway.users;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.gateway.users.UserDtos.NewUser;
import org.sharedict.gateway.users.UserDtos.PasswordReset;
import org.sharedict.gateway.users.UserDtos.UserUpdate;
import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

@Path("/api/users")
@RolesAllowed({ Roles.ADMIN, Roles.MANAGER })
@Tag(name = "Users", description = "Users and roles: admins manage everyone, managers the users of their own partner")
public class UserResource {

    @Inject
    UserService users;

    @GET
    @Operation(summary = "Users, filtered by partner, role or text (username, name, email)",
            description = "sort: username, displayName, partner, lastSignInAt, createdAt")
    public Page<UserView> list(@QueryParam("partner") String partner, @QueryParam("role") String role,
            @QueryParam("q") String q, @BeanParam @Valid PageRequest page) {
        return users.list(partner, role, q, page);
    }

    @POST
    @Operation(summary = "Create a user", description = "partner is required for every role but admin (admins have none); "
            + "personId links the user to their skills-service person and must be of the same partner.")
    public Response create(@Valid @NotNull NewUser body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UserView u = users.create(body, authorization);
        return Response.created(URI.create("/api/users/" + u.id())).entity(u).tag(ETags.of(u.version())).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        UserView u = users.get(id);
        return Response.ok(u).tag(ETags.of(u.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a user", description = "Needs If-Match or version. A change of roles, partner, person or "
            + "enabled ends the user's sessions.")
    public Response update(@PathParam("id") long id, @Valid @NotNull UserUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UserView u = users.update(id, body, ifMatch, authorization);
        return Response.ok(u).tag(ETags.of(u.version())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/password")
    @Operation(summary = "Set a new password for a user", description = "Clears the delays of failed sign-ins and ends the user's sessions.")
    public UserView resetPassword(@PathParam("id") long id, @Valid @NotNull PasswordReset body) {
        return users.resetPassword(id, body.password());
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(summary = "Let a user sign in again at once after failed sign-ins",
            description = "Clears the delays that failed sign-ins put on the account, from every address.")
    public UserView unlock(@PathParam("id") long id) {
        return users.unlock(id);
    }
}
