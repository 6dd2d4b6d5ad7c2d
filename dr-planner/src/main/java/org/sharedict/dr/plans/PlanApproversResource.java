package org.sharedict.dr.plans;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/** Who a submission of a plan e-mails (a class of its own: its path is more specific than the plans resource's). */
@Path("/api/dr/plans/{id}/approvers")
@Authenticated
@Tag(name = "DR plans", description = "Partner plans: customisation, diff and rebase, approval, revisions")
public class PlanApproversResource {

    /** Someone a submission is e-mailed to. */
    public record ApproverView(
            String username, @Schema(nullable = true) String name, boolean admin) {}

    private final ApprovalMail mail;
    private final PlanApprovals approvals;
    private final Caller caller;

    PlanApproversResource(ApprovalMail mail, PlanApprovals approvals, Caller caller) {
        this.mail = mail;
        this.approvals = approvals;
        this.caller = caller;
    }

    @Operation(
            summary = "Who submitting this plan e-mails",
            description = "The partner's enabled DR leads and the admins with an e-mail address, as the gateway's"
                    + " user directory has them now (asked with the caller's token: for the partner's DR leads and"
                    + " managers and admins), without the plan's author.")
    @APIResponse(
            responseCode = "200",
            description = "The approvers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ApproverView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "403",
            description =
                    "Not one of the plan partner's DR leads or managers, nor an admin (whom the directory answers)")
    @GET
    public List<ApproverView> approvers(@PathParam("id") long id) {
        Plan p = PlanLoader.plan(id);
        // The gateway's directory answers only these; anyone else is told so here, not "directory unavailable".
        boolean mayAsk = caller.isAdmin()
                || (caller.isOf(p.partner) && (caller.hasRole(Roles.DR_LEAD) || caller.hasRole(Roles.MANAGER)));
        if (!mayAsk) {
            throw ProblemException.forbidden(
                    "Only " + p.partner + "'s DR leads and managers, and admins, may see who approves its plans");
        }
        return mail
                .approvers(p.partner, p.author)
                .require("id", "", "who may approve the plan (the gateway's user directory)")
                .stream()
                .map(a -> new ApproverView(a.username(), a.name(), a.admin()))
                .toList();
    }

    @Operation(
            summary = "E-mail the approvers of a submitted revision again",
            description = "After a submission whose e-mail could not be sent (approvalMail.problem): asks the"
                    + " gateway's user directory again and e-mails everyone who may approve. For the plan's author"
                    + " or submitter, its partner's DR leads and admins.")
    @APIResponse(
            responseCode = "200",
            description = "The revision; approvalMail says whom the e-mail went to, or why it did not go again",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Not the author or submitter, nor an approver of the plan")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The revision is not submitted")
    @POST
    @Path("/notify")
    public Response notifyApprovers(@PathParam("id") long id) {
        PlanView p = approvals.notifyApprovers(id);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }
}
