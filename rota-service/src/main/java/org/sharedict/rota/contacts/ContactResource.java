package org.sharedict.rota.contacts;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.rota.contacts.ContactDtos.CodeInput;
import org.sharedict.rota.contacts.ContactDtos.MethodEdit;
import org.sharedict.rota.contacts.ContactDtos.MethodInput;
import org.sharedict.rota.contacts.ContactDtos.MethodView;
import org.sharedict.rota.contacts.ContactDtos.RulesInput;
import org.sharedict.rota.contacts.ContactDtos.RulesView;

/** How to reach a person when they are paged: kept by the person (token claim {@code person}), their partner's managers, admins. */
@Path("/api/contacts/{personId:\\d{1,18}}")
@Authenticated
@Tag(
        name = "Contact methods",
        description = "How each person is reached when paged: methods, verification, rules per urgency")
public class ContactResource {

    private final ContactMethods methods;
    private final Rules rules;

    public ContactResource(ContactMethods methods, Rules rules) {
        this.methods = methods;
        this.rules = rules;
    }

    @GET
    @Path("/methods")
    @APIResponse(
            responseCode = "200",
            description = "The person's contact methods, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = MethodView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No person has this ID")
    public List<MethodView> list(@PathParam("personId") long personId) {
        return methods.list(personId);
    }

    @POST
    @Path("/methods")
    @Operation(summary = "Adds a contact method; it is used for pages once verified")
    @APIResponse(
            responseCode = "201",
            description = "The method, not yet verified",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MethodView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No person has this ID")
    @APIResponse(responseCode = "409", description = "The person already has this method")
    public Response add(@PathParam("personId") long personId, @Valid @NotNull MethodInput body) {
        MethodView m = methods.add(personId, body);
        return Response.created(URI.create("/api/contacts/" + personId + "/methods/" + m.id()))
                .entity(m)
                .build();
    }

    @PUT
    @Path("/methods/{id:\\d{1,18}}")
    @Operation(summary = "Changes a method's label")
    @APIResponse(
            responseCode = "200",
            description = "The method as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MethodView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No such method of this person")
    public MethodView edit(
            @PathParam("personId") long personId, @PathParam("id") long id, @Valid @NotNull MethodEdit body) {
        return methods.edit(personId, id, body);
    }

    @DELETE
    @Path("/methods/{id:\\d{1,18}}")
    @APIResponse(responseCode = "204", description = "Deleted, with the rules that named it")
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No such method of this person")
    public Response delete(@PathParam("personId") long personId, @PathParam("id") long id) {
        methods.delete(personId, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/methods/{id:\\d{1,18}}/code")
    @Operation(summary = "Sends a 6-digit verification code through the method (the previous code stops working)")
    @APIResponse(
            responseCode = "202",
            description = "The code is on its way",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MethodView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No such method of this person")
    public Response sendCode(@PathParam("personId") long personId, @PathParam("id") long id) {
        return Response.accepted(methods.sendCode(personId, id)).build();
    }

    @POST
    @Path("/methods/{id:\\d{1,18}}/verify")
    @Operation(summary = "Verifies the method with the code sent through it")
    @APIResponse(
            responseCode = "200",
            description = "The method, verified",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MethodView.class)))
    @APIResponse(responseCode = "400", description = "No code was sent, it expired, or it does not match")
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No such method of this person")
    @APIResponse(responseCode = "429", description = "Too many wrong codes: send a new one")
    public MethodView verify(
            @PathParam("personId") long personId, @PathParam("id") long id, @Valid @NotNull CodeInput body) {
        return methods.verify(personId, id, body.code());
    }

    @POST
    @Path("/methods/{id:\\d{1,18}}/test")
    @Operation(summary = "Sends a test message through the method")
    @APIResponse(responseCode = "202", description = "The test is on its way")
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No such method of this person")
    public Response sendTest(@PathParam("personId") long personId, @PathParam("id") long id) {
        methods.sendTest(personId, id);
        return Response.accepted().build();
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The person's notification rules per urgency (their own or the defaults)")
    @APIResponse(
            responseCode = "200",
            description = "The rules in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RulesView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No person has this ID")
    public RulesView rules(@PathParam("personId") long personId) {
        return rules.view(personId);
    }

    @PUT
    @Path("/rules")
    @Operation(summary = "Replaces the person's rules; an empty list restores that urgency's defaults")
    @APIResponse(
            responseCode = "200",
            description = "The rules now in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RulesView.class)))
    @APIResponse(responseCode = "403", description = "Not the person, a manager of their partner or an admin")
    @APIResponse(responseCode = "404", description = "No person has this ID")
    public RulesView replaceRules(@PathParam("personId") long personId, @Valid @NotNull RulesInput body) {
        return rules.replace(personId, body);
    }
}
