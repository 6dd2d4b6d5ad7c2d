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
 * The pages behind the signed links in a swap request's e-mail, without signing in, exactly as a
 * page's links ({@link ActionResource}): the token in the path is the credential, the GET only
 * confirms, the form posts back to the same path. A refusal is a page for a browser and a problem
 * for any other client.
 */
@Path(SwapLinks.PATH + "{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML + ";charset=UTF-8", Problem.MEDIA_TYPE})
@Tag(name = "Swap request links", description = "Accept or decline a shift swap request from a link in its e-mail")
public class SwapLinkResource {

    private static final String HTML = MediaType.TEXT_HTML;

    private final SwapLinks links;

    public SwapLinkResource(SwapLinks links) {
        this.links = links;
    }

    @GET
    @Operation(
            summary =
                    "What the link would do (accept or decline), with a button to do it; never acts (mail scanners fetch links)")
    @APIResponse(
            responseCode = "200",
            description = "The confirmation page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "403",
            description = "The link was made for someone other than the member asked",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a swap link this service signed, or its request is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description =
                    "The request is no longer pending: a link was used already, it was cancelled, or it expired when its first shift started",
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
            return LinkPages.response(200, SwapLinkPage.confirm(links.look(token), SwapLinks.PATH + token));
        } catch (LinkActions.Refused r) {
            return refused(r, headers);
        }
    }

    @POST
    @Operation(summary = "Accepts or declines, once, as the member asked; answers the outcome page")
    @APIResponse(
            responseCode = "200",
            description = "Done: the outcome page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "403",
            description = "The link was made for someone other than the member asked",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a swap link this service signed, or its request is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description =
                    "The request is no longer pending: a link was used already, it was cancelled, or it expired when its first shift started",
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
            return LinkPages.response(200, SwapLinkPage.done(links.act(token)));
        } catch (LinkActions.Refused r) {
            return refused(r, headers);
        }
    }

    /** A page for a browser, the problem of that status for any other client (platform-common's LinkPages). */
    private static Response refused(LinkActions.Refused r, HttpHeaders headers) {
        return LinkPages.refused(r.status, r.title, r.getMessage(), headers);
    }
}
