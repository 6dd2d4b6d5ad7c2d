package org.sharedict.rota.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.calendar.CalendarDtos.BankHolidayInput;
import org.sharedict.rota.calendar.CalendarDtos.BankHolidayView;
import org.sharedict.rota.calendar.CalendarDtos.CalendarInput;
import org.sharedict.rota.calendar.CalendarDtos.CalendarView;
import org.sharedict.rota.calendar.CalendarDtos.WindowView;
import org.sharedict.rota.platform.Times;

@Path("/api/calendar")
@Authenticated
@Tag(
        name = "Out-of-hours calendar",
        description = "Working hours, bank holidays and the out-of-hours windows they leave")
public class CalendarResource {

    static final Duration MAX_WINDOW_RANGE = Duration.ofDays(400);

    private final CalendarService calendar;
    private final Clock clock;

    public CalendarResource(CalendarService calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "The calendar, with its version as ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarView.class)))
    public Response get() {
        CalendarView v = calendar.view();
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The calendar as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "409", description = "The body's version is not the stored one: reload and edit again")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    @APIResponse(
            responseCode = "428",
            description = "Neither If-Match nor the body's version says which version was edited")
    public Response update(@Valid @NotNull CalendarInput body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CalendarView v = calendar.update(body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    /** The out-of-hours windows between two instants (default: the next seven days). */
    @GET
    @Path("/out-of-hours")
    public List<WindowView> windows(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = Times.instant("from", from, Instant.now(clock));
        Instant t = Times.instant("to", to, f.plus(Duration.ofDays(7)));
        Times.requireRange("to", f, t, MAX_WINDOW_RANGE);
        return calendar.calendar().windows(f, t).stream()
                .map(w -> WindowView.of(w.start(), w.end()))
                .toList();
    }

    @GET
    @Path("/bank-holidays")
    public List<BankHolidayView> holidays(
            @Parameter(
                            description = "only this year's",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1970",
                                            maximum = "2999"))
                    @QueryParam("year")
                    String year) {
        return calendar.holidays(Times.year("year", year));
    }

    @POST
    @Path("/bank-holidays")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(
            responseCode = "201",
            description = "The bank holiday added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BankHolidayView.class)))
    @APIResponse(responseCode = "409", description = "A bank holiday already has this date")
    public Response add(@Valid @NotNull BankHolidayInput body) {
        BankHolidayView v = calendar.add(body);
        return Response.created(URI.create("/api/calendar/bank-holidays/" + v.id()))
                .entity(v)
                .tag(ETags.of(v.version()))
                .build();
    }

    @PUT
    @Path("/bank-holidays/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The bank holiday as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BankHolidayView.class)))
    @APIResponse(responseCode = "404", description = "No bank holiday has this ID")
    @APIResponse(
            responseCode = "409",
            description = "Another bank holiday has this date, or the body's version is not the stored one")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    @APIResponse(
            responseCode = "428",
            description = "Neither If-Match nor the body's version says which version was edited")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull BankHolidayInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BankHolidayView v = calendar.update(id, body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/bank-holidays/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No bank holiday has this ID")
    public Response delete(@PathParam("id") long id) {
        calendar.delete(id);
        return Response.noContent().build();
    }
}
