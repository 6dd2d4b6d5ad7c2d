package org.sharedict.rota.intake;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.intake.IntakeDtos.Accepted;
import org.sharedict.rota.intake.IntakeDtos.AlertmanagerPayload;
import org.sharedict.rota.intake.IntakeDtos.EventInput;
import org.sharedict.rota.intake.IntakeDtos.GrafanaPayload;

/**
 * Where monitoring posts alerts, without a user's token: the integration key authorises, either in
 * the path ({@code /api/intake/rik_.../alertmanager}) or as {@code Authorization: Bearer rik_...}
 * to the key-less path ({@link IntegrationKeyHeader} keeps such a header away from the JWT check).
 */
@Path("/api/intake")
@PermitAll
@Tag(
        name = "Alert intake",
        description = "Prometheus Alertmanager, Grafana and generic JSON alerts raising, acknowledging and resolving"
                + " incidents, authorised by an integration key")
public class IntakeResource {

    static final String ACCEPTED =
            "What became of each alert: raised, repeated, acknowledged, resolved, not open, or suppressed by maintenance";
    static final String PING = "/heartbeats/{key:rhb_[A-Za-z0-9_-]{1,120}}";
    static final String KEY = "{key:rik_[A-Za-z0-9_-]{1,120}}";
    /** A path segment that is not of a key's form matches no route at all. */
    static final String KEYLESS_ADDRESS = "The address holds no integration key (a key reads rik_…)";

    private final Intake intake;
    private final Heartbeats heartbeats;

    public IntakeResource(Intake intake, Heartbeats heartbeats) {
        this.intake = intake;
        this.heartbeats = heartbeats;
    }

    @POST
    @Path(KEY + "/alertmanager")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "404", description = KEYLESS_ADDRESS)
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response alertmanager(@PathParam("key") String key, @Valid @NotNull AlertmanagerPayload body) {
        return accepted(intake.receive(key, IntakeAlert.Source.ALERTMANAGER, List.of(AlertFormats.alertmanager(body))));
    }

    @POST
    @Path("/alertmanager")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response alertmanagerWithHeader(
            @Parameter(hidden = true) @HeaderParam(IntegrationKeyHeader.HEADER) String key,
            @Valid @NotNull AlertmanagerPayload body) {
        return alertmanager(required(key), body);
    }

    @POST
    @Path(KEY + "/grafana")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "404", description = KEYLESS_ADDRESS)
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response grafana(@PathParam("key") String key, @Valid @NotNull GrafanaPayload body) {
        return accepted(intake.receive(key, IntakeAlert.Source.GRAFANA, AlertFormats.grafana(body)));
    }

    @POST
    @Path("/grafana")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response grafanaWithHeader(
            @Parameter(hidden = true) @HeaderParam(IntegrationKeyHeader.HEADER) String key,
            @Valid @NotNull GrafanaPayload body) {
        return grafana(required(key), body);
    }

    @POST
    @Path(KEY + "/events")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "404", description = KEYLESS_ADDRESS)
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response event(@PathParam("key") String key, @Valid @NotNull EventInput body) {
        return accepted(intake.receive(key, IntakeAlert.Source.EVENTS, List.of(AlertFormats.event(body))));
    }

    @POST
    @Path("/events")
    @APIResponse(
            responseCode = "202",
            description = ACCEPTED,
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "The integration key is missing, unknown or revoked")
    @APIResponse(responseCode = "422", description = "No escalation policy applies to the key's partner")
    public Response eventWithHeader(
            @Parameter(hidden = true) @HeaderParam(IntegrationKeyHeader.HEADER) String key,
            @Valid @NotNull EventInput body) {
        return event(required(key), body);
    }

    private static Response accepted(Accepted a) {
        return Response.accepted(a).type(MediaType.APPLICATION_JSON).build();
    }

    private static String required(String key) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(
                            new Problem(
                                    "unauthenticated",
                                    "Unauthenticated",
                                    401,
                                    "Send the integration key as Authorization: Bearer rik_..., or post to /api/intake/{key}/..."))
                    .header("WWW-Authenticate", "Bearer");
        }
        return key;
    }

    @GET
    @Path(PING)
    @PermitAll
    @APIResponse(
            responseCode = "200",
            description = "Pinged: up until nextDueAt; an incident raised by its silence is resolved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeDtos.Ping.class)))
    @APIResponse(responseCode = "404", description = "No heartbeat monitor has this address")
    public IntakeDtos.Ping ping(@PathParam("key") String key) {
        return heartbeats.ping(key);
    }

    @POST
    @Path(PING)
    @PermitAll
    @APIResponse(
            responseCode = "200",
            description = "Pinged (a body, if sent, is ignored): up until nextDueAt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeDtos.Ping.class)))
    @APIResponse(responseCode = "404", description = "No heartbeat monitor has this address")
    public IntakeDtos.Ping pingByPost(@PathParam("key") String key) {
        return heartbeats.ping(key);
    }
}
