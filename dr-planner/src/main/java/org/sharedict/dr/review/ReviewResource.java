package org.sharedict.dr.review;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.quartz.SchedulerException;

import org.sharedict.platform.security.Roles;

@Path("/api/dr/reviews")
@Authenticated
@Tag(name = "DR reviews", description = "Plans overdue for review")
public class ReviewResource {

    public record OverduePlan(
            long id,
            String partner,
            String name,
            int revision,
            LocalDate reviewDate,
            @Schema(nullable = true) String ownerName,
            @Schema(nullable = true) String ownerEmail,
            boolean ownerReminded) {}

    private final ReviewService reviews;
    private final ReviewScheduler scheduler;

    ReviewResource(ReviewService reviews, ReviewScheduler scheduler) {
        this.reviews = reviews;
        this.scheduler = scheduler;
    }

    @GET
    @Path("/overdue")
    public List<OverduePlan> overdue() {
        return reviews.overdue().stream()
                .map(p -> new OverduePlan(
                        p.id(),
                        p.partner(),
                        p.name(),
                        p.revision(),
                        p.reviewDate(),
                        p.ownerName(),
                        p.ownerEmail(),
                        p.reviewRemindedAt() != null))
                .toList();
    }

    /** Runs the review check now instead of waiting for its schedule (it runs in the background). */
    @APIResponse(responseCode = "202", description = "The check is started; it runs in the background")
    @POST
    @Path("/check")
    @RolesAllowed(Roles.ADMIN)
    public Response checkNow() throws SchedulerException {
        scheduler.runNow();
        return Response.accepted().build();
    }
}
