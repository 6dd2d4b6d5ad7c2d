package org.sharedict.dr.invocations;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.invocations.InvocationDtos.CallOutPerson;
import org.sharedict.dr.invocations.InvocationDtos.CallOutView;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;

/**
 * The activation section of a plan's page: whom invoking it would call out now (its call tree), and
 * how the last call-out of any of its revisions went, with the incident as rota-service has it.
 */
@Path("/api/dr/plans/{id}/activation")
@Authenticated
@Tag(name = "DR invocations", description = "Live checklists of invoked plans")
public class PlanActivationResource {

    /** The last invocation of the plan (any revision) that called people out, and how that went. */
    public record LastCallOut(
            long invocationId,
            int revision,
            @Schema(description = "OPEN or CLOSED") String invocationStatus,
            Instant startedAt,
            String startedBy,
            CallOutView callOut) {}

    public record ActivationView(
            long planId,

            @Schema(description = "Whom invoking this revision calls out, and who cannot be paged and why")
            List<CallOutPerson> callTree,

            @Schema(nullable = true, description = "None before the plan's first call-out")
            LastCallOut lastCallOut) {}

    private final PlanLoader plans;
    private final CallOutService callOuts;

    PlanActivationResource(PlanLoader plans, CallOutService callOuts) {
        this.plans = plans;
        this.callOuts = callOuts;
    }

    @Operation(
            summary = "The plan's call tree and its last call-out",
            description = "callTree: the plan's owner and the owners of its first-wave steps, as a call-out would"
                    + " name them now (notPaged says why someone cannot be paged). lastCallOut: the latest"
                    + " invocation of any revision that called people out, with the incident as rota-service has"
                    + " it now (incidentUnknown says why not), or the reason it could not be sent.")
    @APIResponse(
            responseCode = "200",
            description = "The call tree and the last call-out",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivationView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    public ActivationView activation(@PathParam("id") long id) {
        record Found(List<CallOutPerson> tree, Invocation last, int revision) {}
        Found f = QuarkusTransaction.requiringNew().call(() -> {
            List<CallOutPerson> tree = CallTree.of(plans.load(id));
            List<PlanSnapshot> revisions = plans.revisions(id);
            Invocation last = Invocation.<Invocation>find(
                            "planId in ?1 and callOutStatus is not null order by id desc",
                            revisions.stream().map(PlanSnapshot::id).toList())
                    .firstResult();
            return new Found(tree, last, last == null ? 0 : last.planRevision);
        });
        Invocation last = f.last();
        return new ActivationView(
                id,
                f.tree(),
                last == null
                        ? null
                        : new LastCallOut(
                                last.id,
                                f.revision(),
                                last.status.name(),
                                last.startedAt,
                                last.startedBy,
                                callOuts.status(last.id)));
    }
}
