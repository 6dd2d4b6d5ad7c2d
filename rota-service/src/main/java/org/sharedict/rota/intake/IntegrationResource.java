package org.sharedict.rota.intake;

import java.net.URI;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.intake.IntakeDtos.AlertView;
import org.sharedict.rota.intake.IntakeDtos.CreatedIntegration;
import org.sharedict.rota.intake.IntakeDtos.IntegrationView;
import org.sharedict.rota.intake.IntakeDtos.MaintenanceView;
import org.sharedict.rota.intake.IntakeDtos.NewIntegration;
import org.sharedict.rota.intake.IntakeDtos.NewMaintenance;

/** Managers' side of the intake: integration keys, the alerts received (and suppressed), maintenance windows. */
@Path("/api/integrations")
@Authenticated
@Tag(name = "Integrations", description = "Integration keys for monitoring, the alerts received, maintenance windows")
public class IntegrationResource {

    private final IntegrationKeys keys;
    private final Intake intake;
    private final MaintenanceWindows maintenance;

    public IntegrationResource(IntegrationKeys keys, Intake intake, MaintenanceWindows maintenance) {
        this.keys = keys;
        this.intake = intake;
        this.maintenance = maintenance;
    }

    @GET
    public List<IntegrationView> list(@QueryParam("partner") String partner) {
        return keys.list(QueryParams.partner("partner", partner, false));
    }

    @POST
    @APIResponse(
            responseCode = "201",
            description = "The key and its URLs, shown this once (only a hash is kept)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedIntegration.class)))
    public Response create(@Valid @NotNull NewIntegration body) {
        CreatedIntegration c = keys.create(body);
        return Response.created(
                        URI.create("/api/integrations/" + c.integration().id()))
                .entity(c)
                .build();
    }

    @GET
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The integration key (never the key itself)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "No integration key has this ID")
    public IntegrationView get(@PathParam("id") long id) {
        return keys.get(id);
    }

    @POST
    @Path("/{id:\\d+}/revoke")
    @APIResponse(
            responseCode = "200",
            description = "The key, revoked: its alerts are refused from now on",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "404", description = "No integration key has this ID")
    @APIResponse(responseCode = "409", description = "The key is already revoked")
    public IntegrationView revoke(@PathParam("id") long id) {
        return keys.revoke(id);
    }

    @POST
    @Path("/{id:\\d+}/test")
    @APIResponse(
            responseCode = "200",
            description = "A test alert, recorded against the key; nobody is paged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No integration key has this ID")
    @APIResponse(responseCode = "409", description = "The key is revoked")
    public AlertView test(@PathParam("id") long id) {
        return intake.test(id);
    }

    /** Alerts received, newest first; {@code outcome=SUPPRESSED} is the suppressed list. */
    @GET
    @Path("/alerts")
    public Page<AlertView> alerts(
            @BeanParam @Valid PageRequest page,
            @QueryParam("partner") String partner,
            @QueryParam("integrationId") String integrationId,
            @QueryParam("outcome") String outcome) {
        return intake.alerts(
                page,
                QueryParams.partner("partner", partner, false),
                QueryParams.integer("integrationId", integrationId, "12"),
                QueryParams.enumValue("outcome", outcome, IntakeAlert.Outcome.class, null));
    }

    @GET
    @Path("/maintenance-windows")
    public List<MaintenanceView> windows(
            @QueryParam("partner") String partner, @QueryParam("includeEnded") String includeEnded) {
        Boolean ended = QueryParams.bool("includeEnded", includeEnded);
        return maintenance.list(QueryParams.partner("partner", partner, false), ended != null && ended);
    }

    @POST
    @Path("/maintenance-windows")
    @APIResponse(
            responseCode = "201",
            description = "The window; triggers in it are recorded as suppressed, not paged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MaintenanceView.class)))
    public Response startMaintenance(@Valid @NotNull NewMaintenance body) {
        MaintenanceView w = maintenance.create(body);
        return Response.created(URI.create("/api/integrations/maintenance-windows/" + w.id()))
                .entity(w)
                .build();
    }

    @POST
    @Path("/maintenance-windows/{id:\\d+}/end")
    @APIResponse(
            responseCode = "200",
            description = "The window, ended now (one not yet started is ended before it begins)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MaintenanceView.class)))
    @APIResponse(responseCode = "404", description = "No maintenance window has this ID")
    @APIResponse(responseCode = "409", description = "The window has ended already")
    public MaintenanceView endMaintenance(@PathParam("id") long id) {
        return maintenance.end(id);
    }
}
