package org.sharedict.gateway.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.panache.common.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.partnership.Partnership;
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

    private final Caller caller;

    AuditResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(
            summary =
                    "The gateway's audit trail: sign-ins, failed sign-ins, lock-outs, sign-outs, user and API key changes",
            description = "Managers see their own partner's entries (another partner's: 403). sort: at (default -at),"
                    + " action, actor. from and to are days in the partnership's time zone (Europe/London), both"
                    + " included; a to before from, or a day that is no date, is 400 naming it")
    public Page<AuditView> list(
            @QueryParam("action") String action,
            @QueryParam("actor") String actor,
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("partner") String partner,
            @Parameter(
                            description = "First day, e.g. 2026-03-29",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last day, included", schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @BeanParam @Valid PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        LocalDate firstDay = day("from", from);
        LocalDate lastDay = day("to", to);
        if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
            throw ProblemException.invalid("to", "must not be before the from date (" + firstDay + ")");
        }
        if (firstDay != null) {
            where.append(" and at >= :from");
            p.and("from", firstDay.atStartOfDay(Partnership.zone()).toInstant());
        }
        if (lastDay != null) {
            where.append(" and at < :to");
            p.and("to", lastDay.plusDays(1).atStartOfDay(Partnership.zone()).toInstant());
        }
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

    /** A day typed as 2026-03-29; anything else is a 400 naming the parameter (never a 404 or 500 from conversion). */
    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 2000 || d.getYear() > 9998) {
                throw ProblemException.invalid(field, "must be a day between the years 2000 and 9998");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-03-29");
        }
    }
}
