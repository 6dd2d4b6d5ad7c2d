package org.sharedict.rota.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quartz.SchedulerException;

import org.sharedict.platform.security.Roles;

@Path("/api/rotas/reminders")
@Tag(name = "Rotas")
public class ReminderResource {

    private final ReminderScheduler scheduler;

    public ReminderResource(ReminderScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the shift-reminder check now instead of at its next scheduled time (in the background, through Quartz). */
    @POST
    @Path("/check")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "202", description = "The check was started")
    public Response checkNow() throws SchedulerException {
        scheduler.runNow();
        return Response.accepted().build();
    }
}
