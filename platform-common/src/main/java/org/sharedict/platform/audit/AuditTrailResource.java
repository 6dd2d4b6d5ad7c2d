package org.sharedict.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.panache.common.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * Reading a service's audit trail of writes (what {@link Auditor} records). One class for every
 * service: each exposes it at {@code /api/audit/<service>} with a subclass that only names the
 * path, so the filters, their checks and who may read what are the same everywhere. Admins read
 * every entry; managers their own partner's (the entries whose record belongs to it).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditTrailResource {

    private static final Map<String, String> SORTS =
            Map.of("at", "at", "action", "action", "actor", "actor", "entityType", "entityType");
    private static final Pattern ACTION = Pattern.compile("^[A-Za-z_]{1,40}$");
    private static final Pattern ENTITY_TYPE = Pattern.compile("^[A-Za-z0-9_.-]{1,60}$");

    public record AuditEntryView(
            long id,
            Instant at,

            @Schema(description = "The username that made the change; system for scheduled work")
            String actor,

            @Schema(nullable = true, description = "The partner of the one who made the change; null for admins")
            String actorPartner,

            @Schema(description = "CREATE, UPDATE, DELETE or what else happened, e.g. APPROVE")
            String action,

            @Schema(description = "The kind of record, e.g. person, rota, dr_plan")
            String entityType,

            @Schema(nullable = true) String entityId,

            @Schema(
                    nullable = true,
                    description = "The partner the record belongs to; null for partnership-wide records")
            String partner,

            @Schema(
                    nullable = true,
                    description = "JSON: the changed fields ({field: {from, to}}) or what was recorded")
            String changes,

            @Schema(nullable = true) String requestId) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(
                    e.id,
                    e.at,
                    e.actor,
                    e.actorPartner,
                    e.action,
                    e.entityType,
                    e.entityId,
                    e.partner,
                    e.changes,
                    e.requestId);
        }
    }

    /** One page of entries: a {@link Page}, as a type of its own so that its OpenAPI answer can be named beside the 401 and 403. */
    public record AuditEntries(List<AuditEntryView> items, int page, int size, long totalItems, int totalPages) {
        static AuditEntries of(Page<AuditEntryView> p) {
            return new AuditEntries(p.items(), p.page(), p.size(), p.totalItems(), p.totalPages());
        }
    }

    public record AuditKinds(
            @Schema(description = "Every kind of record this service's trail holds, sorted")
            List<String> entityTypes,

            @Schema(description = "Every action this service's trail holds, sorted")
            List<String> actions) {}

    private final Caller caller;

    protected AuditTrailResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    @Operation(
            summary = "This service's audit trail of writes: who changed what, when, newest first",
            description = "Admins read every entry; managers their own partner's (another partner's: 403); everyone"
                    + " else 403. sort: at (default -at), action, actor, entityType. from and to are days in the"
                    + " partnership's time zone (Europe/London), both included. A day that is no date, a to before"
                    + " from, or a filter of the wrong form is 400 naming the parameter")
    @APIResponse(
            responseCode = "200",
            description = "The entries, newest first unless sorted otherwise",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditEntries.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(
            responseCode = "403",
            description = "Neither an admin nor a manager, or a manager asking for another partner")
    public AuditEntries list(
            @Parameter(description = "What happened, e.g. CREATE, UPDATE, DELETE, APPROVE (exact, any case)")
                    @QueryParam("action")
                    String action,
            @Parameter(description = "Who made the change (username, exact)") @QueryParam("actor") String actor,
            @Parameter(description = "The kind of record, e.g. person, rota (exact)") @QueryParam("entityType")
                    String entityType,
            @Parameter(description = "The record's ID, with entityType") @QueryParam("entityId") String entityId,
            @Parameter(description = "The partner the record belongs to, e.g. BBC") @QueryParam("partner")
                    String partner,
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
            throw ProblemException.invalid("to", "must not be before the from day (" + firstDay + ")");
        }
        if (firstDay != null) {
            where.append(" and at >= :from");
            p.and("from", firstDay.atStartOfDay(Partnership.zone()).toInstant());
        }
        if (lastDay != null) {
            where.append(" and at < :to");
            p.and("to", lastDay.plusDays(1).atStartOfDay(Partnership.zone()).toInstant());
        }
        String scope = scope(Partnership.code("partner", partner, false));
        if (scope != null) {
            where.append(" and partner = :partner");
            p.and("partner", scope);
        }
        String act = matching("action", action, ACTION, "must be an action such as CREATE, UPDATE or DELETE");
        if (act != null) {
            where.append(" and action = :action");
            p.and("action", act.toUpperCase(java.util.Locale.ROOT));
        }
        String who = upTo("actor", actor, 120);
        if (who != null) {
            where.append(" and actor = :actor");
            p.and("actor", who);
        }
        String type =
                matching("entityType", entityType, ENTITY_TYPE, "must be a kind of record such as person or rota");
        if (type != null) {
            where.append(" and entityType = :entityType");
            p.and("entityType", type);
        }
        String id = upTo("entityId", entityId, 120);
        if (id != null) {
            where.append(" and entityId = :entityId");
            p.and("entityId", id);
        }
        return AuditEntries.of(Page.of(
                AuditEntry.<AuditEntry>find(where.toString(), page.toSort(SORTS, "-at", "id"), p),
                page,
                AuditEntryView::of));
    }

    @GET
    @Path("/kinds")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    @Operation(
            summary = "The kinds of record and the actions this service's audit trail holds, for filters",
            description = "Admins and managers; everyone else 403")
    @APIResponse(
            responseCode = "200",
            description = "The kinds of record and the actions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditKinds.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Neither an admin nor a manager")
    public AuditKinds kinds() {
        List<String> types = AuditEntry.getEntityManager()
                .createQuery("select distinct e.entityType from AuditEntry e order by e.entityType", String.class)
                .getResultList();
        List<String> actions = AuditEntry.getEntityManager()
                .createQuery("select distinct e.action from AuditEntry e order by e.action", String.class)
                .getResultList();
        return new AuditKinds(types, actions);
    }

    /** The partner whose entries the caller may read: any (or the one asked for) for admins, their own for managers. */
    private String scope(String asked) {
        if (caller.isAdmin()) {
            return asked;
        }
        String own = caller.partner()
                .map(String::toUpperCase)
                .orElseThrow(() -> ProblemException.forbidden("Your sign-in names no organisation"));
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.forbidden("Managers see only their own organisation's audit trail (" + own + ")");
        }
        return own;
    }

    private static String matching(String field, String value, Pattern form, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!form.matcher(v).matches()) {
            throw ProblemException.invalid(field, message);
        }
        return v;
    }

    private static String upTo(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ProblemException.invalid(field, "must be at most " + max + " characters");
        }
        return v;
    }

    /** A day typed as 2026-03-29; anything else is a 400 naming the parameter. */
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
