package org.sharedict.dr.reminders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quartz.SchedulerException;

import org.sharedict.platform.security.Roles;

@Path("/api/dr/reminders")
@Tag(name = "DR reviews", description = "Plans overdue for review")
public class ReminderResource {

    private final ReminderScheduler scheduler;

    @Inject
    ReminderResource(ReminderScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Operation(
            summary = "Look for copy and exercise reminders now instead of waiting for the schedule",
            description = "Each reminder still goes once: a copy once per interval until acknowledged, an exercise"
                    + " once to each participant.")
    @APIResponse(responseCode = "202", description = "The check is started; it runs in the background")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @POST
    @Path("/check")
    @RolesAllowed(Roles.ADMIN)
    public Response checkNow() throws SchedulerException {
        scheduler.runNow();
        return Response.accepted().build();
    }
}
