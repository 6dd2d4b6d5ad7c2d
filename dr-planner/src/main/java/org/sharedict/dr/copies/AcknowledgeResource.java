package org.sharedict.dr.copies;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
 * The pages behind the acknowledgement link in a copy's e-mail, without signing in (holders may
 * have no account): the signed token in the path is the credential, and the form posts back to the
 * same path. The pages are platform-common's {@code LinkPages}: a refusal is a page for a browser and
 * a problem for any other client.
 */
@Path(AcknowledgeResource.PATH + "{token}")
@PermitAll
@Produces({MediaType.TEXT_HTML + ";charset=UTF-8", Problem.MEDIA_TYPE})
@Tag(
        name = "DR copy holders",
        description = "Who keeps an offline copy of a plan, of which revision, acknowledged or not")
public class AcknowledgeResource {

    /** Where the links lead, under the public address (the gateway routes it without a session). */
    public static final String PATH = "/api/dr/copies/acknowledge/";

    private static final String HTML = MediaType.TEXT_HTML;

    private final CopyAcknowledgements acknowledgements;

    @Inject
    AcknowledgeResource(CopyAcknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @GET
    @Operation(
            summary =
                    "Which copy the link acknowledges, with a button to do it; never acts (mail scanners fetch links)")
    @APIResponse(
            responseCode = "200",
            description = "The confirmation page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its copy is not on record",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The copy was acknowledged already",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "410",
            description = "The link has expired, or its holder was taken off the register",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    public Response confirm(@PathParam("token") String token, @Context HttpHeaders headers) {
        try {
            return LinkPages.response(200, AcknowledgePage.confirm(acknowledgements.look(token), PATH + token));
        } catch (CopyAcknowledgements.Refused r) {
            return LinkPages.refused(r.status, r.title, r.getMessage(), headers);
        }
    }

    @POST
    @Operation(summary = "Acknowledges receipt of the copy, once; answers the outcome page")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged: the outcome page",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not a link this service signed, or its copy is not on record",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The copy was acknowledged already",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    @APIResponse(
            responseCode = "410",
            description = "The link has expired, or its holder was taken off the register",
            content = {
                @Content(mediaType = HTML, schema = @Schema(implementation = String.class)),
                @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))
            })
    public Response acknowledge(@PathParam("token") String token, @Context HttpHeaders headers) {
        try {
            return LinkPages.response(200, AcknowledgePage.done(acknowledgements.act(token)));
        } catch (CopyAcknowledgements.Refused r) {
            return LinkPages.refused(r.status, r.title, r.getMessage(), headers);
        }
    }
}
