package org.sharedict.skills.links;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.links.LinkPages;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.platform.links.SignedLinks;

/**
 * The pages behind the signed links in skills-service's e-mails, without signing in: the token in the
 * path is the credential, and the form posts back to the same path, so the POST is bound to the same
 * token. A refusal is a page for a browser (it asks for text/html) and a problem for any other client.
 */
@Path(SignedLinks.PATH + "{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML + ";charset=UTF-8", Problem.MEDIA_TYPE})
@Tag(
        name = "E-mail links",
        description = "Approve, decline or accept a help request, or confirm a stale profile, from a link in an e-mail")
public class LinkResource {

    private static final String HTML = MediaType.TEXT_HTML;

    private final LinkActions actions;

    LinkResource(LinkActions actions) {
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
            description = "The link's person may no longer do this (no longer a manager, or not the person asked)",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its request or person is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The link was used, or the request was decided or withdrawn meanwhile",
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
            return LinkPages.response(200, LinkPage.confirm(actions.look(token), SignedLinks.PATH + token, null));
        } catch (LinkActions.Refused r) {
            return refused(r, headers);
        }
    }

    /** The page's form: a decline's reason. */
    public record ReasonForm(
            @Schema(
                    nullable = true,
                    description = "Why a request is declined (required to decline, up to 1000 characters)")
            String reason) {}

    @POST
    @RequestBody(
            required = false,
            description = "The page's form; a link that needs nothing more may be posted with no body",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(implementation = ReasonForm.class)))
    @Operation(summary = "Does what the link says, once, as the person it was written to; answers the outcome page")
    @APIResponse(
            responseCode = "200",
            description = "Done: the outcome page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "400",
            description = "A decline without its reason (a browser gets the form again, saying so)",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "403",
            description = "The link's person may no longer do this (no longer a manager, or not the person asked)",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its request or person is gone",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The link was used, or the request was decided or withdrawn meanwhile",
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
    public Response act(@PathParam("token") String token, String form, @Context HttpHeaders headers) {
        String reason = field(form, "reason");
        try {
            return LinkPages.response(200, LinkPage.done(actions.act(token, reason)));
        } catch (LinkActions.Refused r) {
            if (r.status == 400 && browser(headers)) {
                try {
                    return LinkPages.response(
                            400, LinkPage.confirm(actions.look(token), SignedLinks.PATH + token, r.getMessage()));
                } catch (LinkActions.Refused again) {
                    return refused(again, headers);
                }
            }
            return refused(r, headers);
        }
    }

    /**
     * A field of a form body ({@code application/x-www-form-urlencoded}, what a browser posts); read
     * here rather than bound, so that a client posting the link with no body and no type is served too.
     */
    static String field(String form, String name) {
        if (form == null || form.isBlank()) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, "is not form-encoded");
                }
            }
        }
        return null;
    }

    private static boolean browser(HttpHeaders headers) {
        return LinkPages.browser(headers);
    }

    /** A page for a browser, else the problem: a decline's missing reason names its field (platform-common's LinkPages). */
    private static Response refused(LinkActions.Refused r, HttpHeaders headers) {
        if (r.status == 400 && !browser(headers)) {
            throw ProblemException.invalid(r.field == null ? "reason" : r.field, r.getMessage());
        }
        return LinkPages.refused(r.status, r.title, r.getMessage(), headers);
    }
}
