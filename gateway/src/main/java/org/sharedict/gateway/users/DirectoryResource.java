package org.sharedict.gateway.users;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * Whom to write to about a partner's work: the enabled users of a partner holding given roles, with
 * their addresses (dr-planner asks it on a plan's submission, forwarding the submitter's token, for
 * the people who may approve it). Read by the partner's DR leads and managers and by admins only,
 * never by an API key: it is the address book behind the partner's own approvals.
 */
@Path("/api/users/directory")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.DR_LEAD})
@Tag(name = "Users", description = "Users and roles: admins manage everyone, managers the users of their own partner")
public class DirectoryResource {

    /** Someone to write to. */
    public record Contact(
            String username,
            String name,
            String email,

            @Schema(nullable = true, description = "None for partnership admins")
            String partner,

            List<String> roles) {}

    /** The roles a directory is asked for: those that act on a partner's own plans, rotas and people. */
    static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.DR_LEAD);

    private final Caller caller;

    DirectoryResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            summary = "The enabled users of a partner holding given roles, with their e-mail addresses",
            description = "Users of the partner with any of the roles, and partnership admins when the roles name"
                    + " admin; only users with an address. For the partner's DR leads and managers and for admins;"
                    + " dr-planner asks it (with the submitter's token) for whom a plan's submission e-mails.")
    @APIResponse(
            responseCode = "200",
            description = "The contacts, by username",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Contact.class)))
    @APIResponse(responseCode = "403", description = "Not a DR lead or manager of the partner, nor an admin")
    public List<Contact> contacts(
            @Parameter(description = "Partner code", required = true) @QueryParam("partner") String partner,
            @Parameter(description = "admin, manager or dr-lead; repeat for several", required = true)
                    @QueryParam("role")
                    List<String> role) {
        String code = Partnership.code("partner", partner, true);
        Set<String> roles = roles(role);
        if (!caller.isAdmin() && !caller.isOf(code)) {
            throw ProblemException.forbidden(
                    "Only admins and the DR leads and managers of " + code + " read its directory");
        }
        // A partner's users and the admins are a few dozen: their roles are matched here, which keeps the
        // query one Hibernate parses at once (an or-chain of concat-likes took seconds on a cold, busy JVM).
        return User.<User>list(
                        "enabled = true and email is not null and email <> '' and (partner = ?1 or partner is null)"
                                + " order by username",
                        code)
                .stream()
                .filter(u -> u.roles().stream()
                        .anyMatch(r -> roles.contains(r) && (u.partner != null || r.equals(Roles.ADMIN))))
                .map(u -> new Contact(u.username, u.displayName, u.email, u.partner, List.copyOf(u.roles())))
                .toList();
    }

    private static Set<String> roles(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw ProblemException.invalid(
                    "role",
                    "is required: one or more of " + ROLES.stream().sorted().toList());
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String r : given) {
            String role = r == null ? "" : r.trim().toLowerCase(Locale.ROOT);
            if (!ROLES.contains(role)) {
                throw ProblemException.invalid(
                        "role",
                        "'" + r + "' is not one of " + ROLES.stream().sorted().toList());
            }
            roles.add(role);
        }
        return roles;
    }
}
