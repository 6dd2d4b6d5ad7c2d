package org.sharedict.gateway.users;

import java.util.Set;

/**
 * A user as sign-in sees them (auth, oidc): who they are, what their tokens say, and whether they
 * may sign in. Never the password hash; {@link Accounts} checks a password itself.
 */
public record Account(
        long id,
        String username,
        String displayName,
        String email,
        String partner,
        Long personId,
        Set<String> roles,
        boolean enabled,
        String externalProvider,
        boolean hasPassword) {

    static Account of(User u) {
        return new Account(
                u.id,
                u.username,
                u.displayName,
                u.email,
                u.partner,
                u.personId,
                u.roles(),
                u.enabled,
                u.externalProvider,
                u.passwordHash != null);
    }
}
