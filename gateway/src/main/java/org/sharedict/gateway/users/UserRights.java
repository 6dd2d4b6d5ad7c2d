package org.sharedict.gateway.users;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * Who may manage whom ({@link UserService}'s rules): an admin manages everyone; a manager manages
 * the users of their own partner and gives any role but admin; the last enabled admin stays. And
 * what a set of roles asks of a user's partner.
 */
@ApplicationScoped
class UserRights {

    private final Caller caller;

    UserRights(Caller caller) {
        this.caller = caller;
    }

    void requireManager() {
        if (!caller.isAdmin() && !caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only admins and managers manage users");
        }
    }

    void requireRightsOver(User u) {
        if (caller.isAdmin()) {
            return;
        }
        requireManager();
        if (u.roles().contains(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only admins manage partnership admins");
        }
        if (u.partner == null || !caller.isOf(u.partner)) {
            throw ProblemException.forbidden("Managers manage only the users of their own partner ("
                    + caller.partner().orElse("none") + ")");
        }
    }

    void requireMayAssign(Set<String> roles, String partner) {
        if (caller.isAdmin()) {
            return;
        }
        if (roles.contains(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only admins make partnership admins");
        }
        if (partner == null || !caller.isOf(partner)) {
            throw ProblemException.forbidden("Managers manage only the users of their own partner ("
                    + caller.partner().orElse("none") + "), not " + partner);
        }
    }

    void requireAnotherAdmin(User leaving) {
        long others = User.count(
                "enabled = true and concat(',', roleList, ',') like ?1 and id <> ?2", "%,admin,%", leaving.id);
        if (others == 0) {
            throw ProblemException.conflict("This is the last enabled admin; make another admin first");
        }
    }

    Long currentUserId() {
        return User.findByUsername(caller.username()).map(u -> u.id).orElse(null);
    }

    static Set<String> roles(List<String> given) {
        Set<String> roles = new LinkedHashSet<>();
        for (String r : given) {
            String role = r.trim().toLowerCase(Locale.ROOT);
            if (!UserService.ROLES.contains(role)) {
                throw ProblemException.invalid("roles", "'" + r + "' is not a role; use " + UserService.ROLES);
            }
            roles.add(role);
        }
        return roles;
    }

    /** Admins belong to no partner (the token contract); everyone else to exactly one. */
    static String partnerFor(Set<String> roles, String partner) {
        String code = partner == null || partner.isBlank() ? null : partner.toUpperCase(Locale.ROOT);
        if (roles.contains(Roles.ADMIN)) {
            if (code != null) {
                throw ProblemException.invalid("partner", "partnership admins belong to no partner; leave it out");
            }
            if (roles.size() > 1) {
                throw ProblemException.invalid("roles", "admin includes every other role; give it alone");
            }
            return null;
        }
        if (code == null) {
            throw ProblemException.invalid("partner", "is required for every role but admin");
        }
        return code;
    }
}
