package org.sharedict.gateway.users;

import java.net.URI;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
@Tag(name = "Users", description = "Users and roles: admins manage everyone, managers the users of their own partner")
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Operation(
            summary = "Users, filtered by partner, role or text (username, name, email)",
            description = "sort: username, displayName, partner, lastSignInAt, createdAt")
    public Page<UserView> list(
            @QueryParam("partner") String partner,
            @QueryParam("role") String role,
            @QueryParam("q") String q,
            @BeanParam @Valid PageRequest page) {
        return users.list(partner, role, q, page);
    }

    @POST
    @Operation(
            summary = "Create a user",
            description = "partner is required for every role but admin (admins have none); "
                    + "personId links the user to their skills-service person and must be of the same partner.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)),
            headers = {
                @Header(
                        name = "Location",
                        description = "The user's address",
                        schema = @Schema(implementation = String.class)),
                @Header(
                        name = "ETag",
                        description = "The version, for If-Match",
                        schema = @Schema(implementation = String.class))
            })
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(@Valid @NotNull NewUser body) {
        UserView u = users.create(body);
        return Response.created(URI.create("/api/users/" + u.id()))
                .entity(u)
                .tag(ETags.of(u.version()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)),
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version, for If-Match",
                            schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public Response get(@PathParam("id") long id) {
        UserView u = users.get(id);
        return Response.ok(u).tag(ETags.of(u.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Change a user",
            description = "Needs If-Match or version. A change of roles, partner, person or "
                    + "enabled ends the user's sessions.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)),
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version, for If-Match",
                            schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(
            responseCode = "409",
            description = "A stale version, or a change that would leave no enabled admin or disable yourself")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull UserUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UserView u = users.update(id, body, ifMatch);
        return Response.ok(u).tag(ETags.of(u.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a user", description = "Ends their sessions. If-Match is optional.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "Yourself, or the last enabled admin")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/password")
    @Operation(
            summary = "Set a new password for a user",
            description = "Clears the delays of failed sign-ins and ends the user's sessions.")
    @APIResponse(
            responseCode = "200",
            description = "Set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public UserView resetPassword(@PathParam("id") long id, @Valid @NotNull PasswordReset body) {
        return users.resetPassword(id, body.password());
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(
            summary = "Let a user sign in again at once after failed sign-ins",
            description = "Clears the delays that failed sign-ins put on the account, from every address.")
    @APIResponse(
            responseCode = "200",
            description = "Cleared",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public UserView unlock(@PathParam("id") long id) {
        return users.unlock(id);
    }
}
