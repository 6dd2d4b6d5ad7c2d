package org.sharedict.rota.feeds;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

@Path("/api/calendar/feeds")
@Tag(name = "Calendar feeds", description = "Each person's shifts as an iCalendar feed for their calendar client")
public class FeedResource {

    public static final String TEXT_CALENDAR = "text/calendar";

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    /** The one rota path without a JWT: the secret in the URL is the authorisation. */
    @GET
    @Path("/{token:[A-Za-z0-9_-]{20,100}}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR + ";charset=UTF-8")
    @APIResponse(
            responseCode = "200",
            description = "The person's shifts, RFC 5545",
            content = @Content(mediaType = FeedResource.TEXT_CALENDAR, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No calendar feed has this address (rotated, revoked or made up)")
    public Response feed(@PathParam("token") String token) {
        String ics = feeds.calendar(token)
                .orElseThrow(() -> new ProblemException(new Problem(
                        "not-found",
                        "Not found",
                        404,
                        "No calendar feed has this address; it may have been rotated or revoked")));
        return Response.ok(ics, TEXT_CALENDAR + ";charset=UTF-8")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @APIResponse(
            responseCode = "200",
            description = "The feed's state; its URL only when this call issued it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedService.FeedStatus.class)))
    @APIResponse(responseCode = "403", description = "The token names no person")
    public FeedService.FeedStatus mine() {
        return feeds.mine();
    }

    @POST
    @Path("/me/rotate")
    @Authenticated
    @APIResponse(
            responseCode = "200",
            description = "A new feed URL (the old one stops working)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedService.FeedStatus.class)))
    @APIResponse(responseCode = "403", description = "The token names no person")
    public FeedService.FeedStatus rotateMine() {
        return feeds.issue(feeds.myPersonId());
    }

    @DELETE
    @Path("/me")
    @Authenticated
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "The token names no person")
    @APIResponse(responseCode = "404", description = "No feed was issued")
    public Response revokeMine() {
        feeds.revoke(feeds.myPersonId());
        return Response.noContent().build();
    }

    @GET
    @Path("/people/{personId}")
    @Authenticated
    @APIResponse(
            responseCode = "200",
            description = "The feed's state (never its URL)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedService.FeedStatus.class)))
    @APIResponse(responseCode = "404", description = "Neither rota-service nor skills-service knows this person")
    public FeedService.FeedStatus status(@PathParam("personId") long personId) {
        return feeds.status(personId);
    }

    @POST
    @Path("/people/{personId}/rotate")
    @Authenticated
    @APIResponse(
            responseCode = "200",
            description = "A new feed URL (the old one stops working)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedService.FeedStatus.class)))
    @APIResponse(responseCode = "404", description = "Neither rota-service nor skills-service knows this person")
    public FeedService.FeedStatus rotate(@PathParam("personId") long personId) {
        return feeds.issue(personId);
    }

    @DELETE
    @Path("/people/{personId}")
    @Authenticated
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "No feed was issued, or neither rota-service nor skills-service knows this person")
    public Response revoke(@PathParam("personId") long personId) {
        feeds.revoke(personId);
        return Response.noContent().build();
    }
}
