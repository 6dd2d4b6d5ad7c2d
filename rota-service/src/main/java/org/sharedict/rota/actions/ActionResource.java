package org.sharedict.rota.actions;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.links.LinkPages;
import org.sharedict.platform.problem.Problem;

/**
 * The pages behind the signed links in a page, without signing in: the token in the path is the
 * credential, and the form posts back to the same path, so the POST is bound to the same token.
 * A refusal is a page for a browser (it asks for text/html) and a problem for any other client.
 */
@Path(SignedPageActions.PATH + "{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML + ";charset=UTF-8", Problem.MEDIA_TYPE})
@Tag(name = "Page links", description = "Acknowledge, escalate or resolve an incident from a link in a page")
public class ActionResource {

    private static final String HTML = MediaType.TEXT_HTML;

    private final LinkActions actions;

    public ActionResource(LinkActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "What the link would do, with a button to do it; never acts (mail scanners fetch links)")
    @APIResponse(
            responseCode = "200",
            description = "The confirmation page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "403",
            description = "The incident has not paged the link's person",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its incident is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The link was used, or the incident is past that action",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "410",
            description = "The link has expired",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    public Response confirm(@PathParam("token") String token, @Context HttpHeaders headers) {
        try {
            return LinkPages.response(200, ActionPage.confirm(actions.look(token), SignedPageActions.PATH + token));
        } catch (LinkActions.Refused r) {
            return refused(r, headers);
        }
    }

    @POST
    @Operation(summary = "Does what the link says, once, as the person it was made for; answers the outcome page")
    @APIResponse(
            responseCode = "200",
            description = "Done: the outcome page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "403",
            description = "The incident has not paged the link's person",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its incident is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The link was used, or the incident is past that action",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "410",
            description = "The link has expired",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    public Response act(@PathParam("token") String token, @Context HttpHeaders headers) {
        try {
            return LinkPages.response(200, ActionPage.done(actions.act(token)));
        } catch (LinkActions.Refused r) {
            return refused(r, headers);
        }
    }

    /** A page for a browser, the problem of that status for any other client (platform-common's LinkPages). */
    private static Response refused(LinkActions.Refused r, HttpHeaders headers) {
        return LinkPages.refused(r.status, r.title, r.getMessage(), headers);
    }
}
