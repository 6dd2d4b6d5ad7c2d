package org.sharedict.gateway.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;

/**
 * Users as sign-in (auth, oidc) needs them: look-ups answered as {@link Account} records, the password
 * check, and the few writes signing in makes (the last sign-in, a rehash, one's own password, accounts
 * of an external provider). The User entity stays in this room, so the rules on it hold whoever signs in.
 * Writes join the sign-in's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Accounts {

    /** How a sign-in through an external provider found its user. */
    public enum LinkOutcome {
        LINKED,
        CREATED,
        USERNAME_TAKEN,
        DISABLED
    }

    /** The user an external provider's account is linked to; {@code account} is null when the username is taken. */
    public record Linked(LinkOutcome outcome, Account account) {}

    /** Who an external provider says someone is, with the roles and partner its groups map to. */
    public record ExternalIdentity(
            String subject, String username, String displayName, String email, Set<String> roles, String partner) {}

    private final Passwords passwords;
    private final SignInDelays delays;
    private final Clock clock;
    private final Caller caller;

    Accounts(Passwords passwords, SignInDelays delays, Clock clock, Caller caller) {
        this.passwords = passwords;
        this.delays = delays;
        this.clock = clock;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> byUsername(String username) {
        return User.findByUsername(username).map(Account::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> byId(Long id) {
        return id == null ? Optional.empty() : User.<User>findByIdOptional(id).map(Account::of);
    }

    /**
     * True when {@code password} is the account's. Costs one bcrypt check whether or not there is an
     * account (null) or a password to check, so a sign-in takes as long for an unknown username.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean passwordMatches(Account account, String password) {
        return passwords.matches(password, account == null ? null : find(account.id()).passwordHash);
    }

    /** Records a password sign-in; a hash made with another cost is made again with the configured one. */
    public void signedInWithPassword(long id, String password, Instant at) {
        User u = find(id);
        if (passwords.needsRehash(u.passwordHash)) {
            // Every stored hash ends at the configured cost, the decoy's, so no sign-in takes a different time.
            passwords.assign(u, password);
        }
        u.lastSignInAt = at;
    }

    public void signedIn(long id, Instant at) {
        find(id).lastSignInAt = at;
    }

    /** The user's own change of password: the current one must be given, the new one must be strong. */
    public Account changePassword(String username, String currentPassword, String newPassword) {
        User u = User.findByUsername(username).orElseThrow(() -> ProblemException.notFound("User", username));
        if (u.passwordHash == null) {
            throw ProblemException.conflict(
                    "You sign in through " + u.externalProvider + "; change your password there");
        }
        if (!passwords.matches(currentPassword, u.passwordHash)) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        passwords.weakness(newPassword, u.username).ifPresent(w -> {
            throw ProblemException.invalid("newPassword", w);
        });
        Instant now = Instant.now(clock);
        passwords.assign(u, newPassword);
        u.passwordChangedAt = now;
        u.updatedAt = now;
        return Account.of(u);
    }

    /**
     * The user linked to this provider account, created on first sign-in and brought up to date with
     * what the provider says; linked by (provider, subject), never by a username that happens to match.
     */
    public Linked linkExternal(String provider, ExternalIdentity in) {
        Instant now = Instant.now(clock);
        User u = User.findByExternal(provider, in.subject()).orElse(null);
        if (u == null) {
            if (User.findByUsername(in.username()).isPresent()) {
                return new Linked(LinkOutcome.USERNAME_TAKEN, null);
            }
            u = new User();
            u.username = in.username();
            u.externalProvider = provider;
            u.externalSubject = in.subject();
            u.createdAt = now;
            u.enabled = true;
        } else if (!u.enabled) {
            return new Linked(LinkOutcome.DISABLED, Account.of(u));
        }
        boolean created = u.id == null;
        u.displayName = in.displayName().length() > 120 ? in.displayName().substring(0, 120) : in.displayName();
        u.email = in.email();
        u.partner = in.partner();
        u.roles(in.roles());
        u.updatedAt = now;
        u.persist();
        return new Linked(created ? LinkOutcome.CREATED : LinkOutcome.LINKED, Account.of(u));
    }

    /** The signed-in user's own record (GET /api/auth/me). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView me() {
        return User.findByUsername(caller.username())
                .map(u -> UserView.of(u, delays.state(u.username)))
                .orElseThrow(() -> ProblemException.notFound("User", caller.username()));
    }

    /** The user as the API shows them, with the delays failed sign-ins put on them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView view(long id) {
        User u = find(id);
        return UserView.of(u, delays.state(u.username));
    }

    private static User find(long id) {
        User u = User.findById(id);
        if (u == null) {
            throw ProblemException.notFound("User", id);
        }
        return u;
    }
}
