package org.sharedict.skills.aid.requests;

import java.net.URI;
import java.util.List;

import jakarta.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.skills.aid.requests.RequestDtos.Decision;
import org.sharedict.skills.aid.requests.RequestDtos.RequestInput;
import org.sharedict.skills.aid.requests.RequestDtos.RequestView;
import org.sharedict.skills.aid.requests.RequestDtos.TimeAnswer;
import org.sharedict.skills.aid.requests.RequestDtos.TimeInput;
import org.sharedict.skills.aid.requests.RequestDtos.TimeView;

@Path("/api/aid/requests")
@Authenticated
@Tag(name = "Mutual aid", description = "Asking another partner for help, deciding, and the time given")
public class HelpRequestResource {

    private final HelpRequests requests;
    private final TimeRecords time;

    @Inject
    HelpRequestResource(HelpRequests requests, TimeRecords time) {
        this.requests = requests;
        this.time = time;
    }

    @GET
    @Operation(summary = "Help requests the caller's partner made (side=ASKED), was asked (ASKED_OF), or both")
    public Page<RequestView> list(
            @BeanParam @Valid PageRequest page,
            @Parameter(description = "ASKED, ASKED_OF or ALL (default)") @QueryParam("side") String side,
            @Parameter(description = "Only requests in this status") @QueryParam("status") String status) {
        return requests.list(
                page,
                QueryParams.enumValue("side", side, HelpRequests.Side.class, HelpRequests.Side.ALL),
                QueryParams.enumValue("status", status, RequestStatus.class, null));
    }

    @APIResponse(
            responseCode = "201",
            description = "The request, sent to the partner asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only managers (or admins) ask, and only for their own partner")
    @POST
    public Response create(@Valid @NotNull RequestInput body) {
        RequestView r = requests.create(body);
        return Response.created(URI.create("/api/aid/requests/" + r.id()))
                .entity(r)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The request",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "Accepted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only the helping partner's managers (or admins) decide")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not waiting for a decision")
    @POST
    @Path("/{id}/approve")
    @Operation(summary = "The helping partner's manager approves, optionally naming who will help")
    public RequestView approve(
            @PathParam("id") long id, @Valid @Nullable @RequestBody(required = false) Decision body) {
        return requests.approve(id, body);
    }

    @APIResponse(
            responseCode = "200",
            description = "Declined",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only the helping partner's managers (or admins) decide")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not waiting for a decision")
    @POST
    @Path("/{id}/decline")
    @Operation(summary = "The helping partner's manager declines, saying why")
    public RequestView decline(
            @PathParam("id") long id, @Valid @Nullable @RequestBody(required = false) Decision body) {
        return requests.decline(id, body);
    }

    @APIResponse(
            responseCode = "200",
            description = "Accepted; the person's managers are told",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the person asked for, or the agreement leaves this one to their manager")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not waiting for a decision")
    @POST
    @Path("/{id}/accept")
    @Operation(
            summary =
                    "The person asked for accepts directly (urgent or out-of-hours requests, where the agreement allows)")
    public RequestView accept(@PathParam("id") long id) {
        return requests.accept(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "In progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only the helper or the helping partner's managers")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not accepted")
    @POST
    @Path("/{id}/start")
    public RequestView start(@PathParam("id") long id) {
        return requests.start(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "Done",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only the helper or the helping partner's managers")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not in progress")
    @POST
    @Path("/{id}/complete")
    public RequestView complete(@PathParam("id") long id) {
        return requests.complete(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Only the asking partner's managers (or admins)")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "Work has started or the request is closed")
    @POST
    @Path("/{id}/withdraw")
    public RequestView withdraw(
            @PathParam("id") long id, @Valid @Nullable @RequestBody(required = false) Decision body) {
        return requests.withdraw(id, body);
    }

    @APIResponse(
            responseCode = "200",
            description = "The time logged against the request, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = TimeView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @GET
    @Path("/{id}/time")
    public List<TimeView> timeRecords(@PathParam("id") long id) {
        return time.list(id);
    }

    @APIResponse(
            responseCode = "201",
            description = "Logged; the asking partner is told",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeView.class)))
    @APIResponse(responseCode = "403", description = "Only the helper or the helping partner's managers")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller's partner is party to")
    @APIResponse(responseCode = "409", description = "The request is not accepted (or was withdrawn or declined)")
    @POST
    @Path("/{id}/time")
    public Response logTime(@PathParam("id") long id, @Valid @NotNull TimeInput body) {
        TimeView t = time.log(id, body);
        return Response.created(URI.create("/api/aid/requests/" + id + "/time/" + t.id()))
                .entity(t)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "Confirmed",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeView.class)))
    @APIResponse(responseCode = "403", description = "Only the asking partner's managers (or admins)")
    @APIResponse(responseCode = "404", description = "No such request or time record")
    @APIResponse(responseCode = "409", description = "Confirmed already")
    @POST
    @Path("/{id}/time/{timeId}/confirm")
    public TimeView confirmTime(@PathParam("id") long id, @PathParam("timeId") long timeId) {
        return time.confirm(id, timeId);
    }

    @APIResponse(
            responseCode = "200",
            description = "Queried",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeView.class)))
    @APIResponse(responseCode = "403", description = "Only the asking partner's managers (or admins)")
    @APIResponse(responseCode = "404", description = "No such request or time record")
    @APIResponse(responseCode = "409", description = "Answered already")
    @POST
    @Path("/{id}/time/{timeId}/query")
    public TimeView queryTime(
            @PathParam("id") long id,
            @PathParam("timeId") long timeId,
            @Valid @Nullable @RequestBody(required = false) TimeAnswer body) {
        return time.query(id, timeId, body);
    }
}
