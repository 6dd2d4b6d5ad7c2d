package org.sharedict.gateway.auth;

import java.time.Instant;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.panache.common.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

@Path("/api/auth/audit")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
@Tag(name = "Sign-in", description = "Password sign-in, token refresh, sign-out, the signed-in user")
public class AuditResource {

    private static final Map<String, String> SORTS = Map.of("at", "at", "action", "action", "actor", "actor");

    public record AuditView(
            long id,
            Instant at,
            String actor,
            String action,
            String entityType,
            @Schema(nullable = true) String entityId,
            @Schema(nullable = true) String partner,

            @Schema(nullable = true, description = "JSON: the changed fields, or what the event records")
            String changes,

            @Schema(nullable = true) String requestId) {
        static AuditView of(AuditEntry e) {
            return new AuditView(
                    e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.partner, e.changes, e.requestId);
        }
    }

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(
            summary =
                    "The gateway's audit trail: sign-ins, failed sign-ins, lock-outs, sign-outs, user and API key changes",
            description = "Managers see their own partner's entries. sort: at (default -at), action, actor")
    public Page<AuditView> list(
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("partner") String partner,
            @BeanParam @Valid PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        String scope = partner;
        if (!caller.isAdmin()) {
            String own = caller.partner().orElseThrow(() -> ProblemException.forbidden("Your token names no partner"));
            if (scope != null && !scope.equalsIgnoreCase(own)) {
                throw ProblemException.forbidden("Managers see only their own partner's audit (" + own + ")");
            }
            scope = own;
        }
        if (scope != null) {
            where.append(" and partner = :partner");
            p.and("partner", scope.toUpperCase());
        }
        if (action != null) {
            where.append(" and action = :action");
            p.and("action", action);
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            p.and("actor", actor);
        }
        if (entityType != null) {
            where.append(" and entityType = :entityType");
            p.and("entityType", entityType);
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            p.and("entityId", entityId);
        }
        return Page.of(
                AuditEntry.<AuditEntry>find(where.toString(), page.toSort(SORTS, "-at", "id"), p), page, AuditView::of);
    }
}
