package org.sharedict.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.sharedict.platform.problem.ProblemException;

/**
 * Who is calling, as the gateway's token says: {@code sub}, the {@code groups} roles and the
 * {@code partner} claim (absent for partnership admins). Partner-scoped rules live here so every
 * service applies them the same way.
 */
@RequestScoped
public class Caller {

    /** The actor recorded for work done outside a request (scheduled jobs, start-up). */
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String username() {
        if (!isSignedIn()) {
            return "anonymous";
        }
        String sub = jwt.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public Optional<String> partner() {
        if (!isSignedIn()) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("partner");
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    /** The skills-service person ID of this user, when the user is also ICT staff. */
    public Optional<Long> personId() {
        if (!isSignedIn()) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("person");
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(claim.toString().replace("\"", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True for API-key callers whose token grants {@code permission} (e.g. "incidents:write"). */
    public boolean hasScope(String permission) {
        if (!isSignedIn()) {
            return false;
        }
        Object claim = jwt.getClaim("scope");
        if (claim == null) {
            return false;
        }
        for (String s : claim.toString().replace("\"", "").split("\\s+")) {
            if (s.equals(permission)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return isSignedIn() ? identity.getRoles() : Set.of();
    }

    public boolean hasRole(String role) {
        return isSignedIn() && identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** True when the caller belongs to the given partner (admins belong to every partner). */
    public boolean isOf(String partnerCode) {
        return isAdmin() || partner().map(p -> p.equalsIgnoreCase(partnerCode)).orElse(false);
    }

    /**
     * Admins edit anything; callers with one of {@code roles} edit only their own partner's records.
     */
    public void requireEditRightsFor(String partnerCode, String... roles) {
        if (isAdmin()) {
            return;
        }
        boolean hasRole = false;
        for (String r : roles) {
            hasRole |= hasRole(r);
        }
        if (!hasRole) {
            throw ProblemException.forbidden("Only " + String.join(" or ", roles) + " users (or admins) may do this");
        }
        if (!isOf(partnerCode)) {
            throw ProblemException.forbidden("You may only change records of your own partner ("
                    + partner().orElse("none") + "), not " + partnerCode);
        }
    }

    /** The current caller's name, or {@link #SYSTEM} when there is no request (jobs, start-up). */
    public static String currentUsernameOrSystem() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        return caller.isSignedIn() ? caller.username() : SYSTEM;
    }
}
