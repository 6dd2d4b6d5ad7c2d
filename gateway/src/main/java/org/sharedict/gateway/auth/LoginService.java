package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.gateway.access.RateLimiter;
import org.sharedict.gateway.auth.AuthDtos.TokenResponse;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.TooManyRequests;
import org.sharedict.gateway.platform.Unauthenticated;
import org.sharedict.gateway.users.User;
import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;

/**
 * Password sign-in, refresh and sign-out. Failures are committed (the failed-attempt count, the
 * lock-out and the audit entry) even though the request is refused, so they roll back on nothing
 * but real errors.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ProblemException.class)
public class LoginService {

    static final String GENERIC_FAILURE = "Wrong username or password";

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Inject
    TokenIssuer tokens;

    @Inject
    SignInAudit audit;

    @Inject
    RateLimiter limiter;

    @Inject
    Caller caller;

    public record SignedIn(TokenResponse response, String refreshToken, Instant refreshExpiresAt) {
    }

    public SignedIn login(String rawUsername, String password, String clientAddress, String userAgent) {
        String username = rawUsername.trim().toLowerCase();
        long wait = limiter.check(RateLimiter.Kind.LOGIN_PER_USERNAME, username);
        if (wait > 0) {
            throw TooManyRequests.rateLimited("Too many sign-in attempts for this username; wait and try again", wait);
        }
        Instant now = Instant.now(clock);
        Optional<User> found = User.findByUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, null);
            audit.record("SIGN_IN_FAILED", username, null, null, details("reason", "unknown username", "address", clientAddress));
            throw failed();
        }
        User u = found.get();
        if (u.isLocked(now)) {
            audit.record("SIGN_IN_FAILED", username, u.id, u.partner, details("reason", "account locked", "address", clientAddress));
            throw locked(u, now);
        }
        if (!passwords.matches(password, u.passwordHash)) {
            u.failedAttempts++;
            Map<String, Object> d = details("reason", u.passwordHash == null ? "no password (signs in through "
                    + u.externalProvider + ")" : "wrong password", "address", clientAddress);
            d.put("failedAttempts", u.failedAttempts);
            audit.record("SIGN_IN_FAILED", username, u.id, u.partner, d);
            if (u.failedAttempts >= config.lockout().maxFailures()) {
                u.lockedUntil = now.plus(config.lockout().duration());
                u.failedAttempts = 0;
                audit.record("LOCKED_OUT", username, u.id, u.partner,
                        details("until", u.lockedUntil.toString(), "address", clientAddress));
            }
            throw failed();
        }
        if (!u.enabled) {
            audit.record("SIGN_IN_FAILED", username, u.id, u.partner, details("reason", "account disabled", "address", clientAddress));
            throw failed();
        }
        u.failedAttempts = 0;
        u.lockedUntil = null;
        u.lastSignInAt = now;
        Sessions.Opened opened = sessions.open(u, UserSession.Method.PASSWORD, clientAddress, userAgent);
        audit.record("SIGN_IN", username, u.id, u.partner, details("method", "password", "address", clientAddress,
                "session", opened.session().id));
        return signedIn(u, opened.session(), opened.refreshToken());
    }

    /** Signs in a user who proved who they are elsewhere (an OpenID Connect provider). */
    public SignedIn loginExternal(User u, String provider, String clientAddress, String userAgent) {
        Instant now = Instant.now(clock);
        u.lastSignInAt = now;
        Sessions.Opened opened = sessions.open(u, UserSession.Method.OIDC, clientAddress, userAgent);
        audit.record("SIGN_IN", u.username, u.id, u.partner, details("method", "oidc:" + provider, "address", clientAddress,
                "session", opened.session().id));
        return signedIn(u, opened.session(), opened.refreshToken());
    }

    public SignedIn refresh(String refreshToken, String clientAddress) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ProblemException.invalid("refreshToken", "is required (in the body or the refresh cookie)");
        }
        Sessions.Refreshed r = sessions.rotate(refreshToken.trim());
        switch (r.outcome()) {
            case UNKNOWN -> throw unauthenticated("This refresh token is not valid; sign in again");
            case ENDED -> throw unauthenticated("This session has ended; sign in again");
            case REUSED -> {
                User u = r.session().userId == null ? null : User.findById(r.session().userId);
                audit.record("REFRESH_REUSED", u == null ? "unknown" : u.username, r.session().userId, u == null ? null : u.partner,
                        details("session", r.session().id, "address", clientAddress));
                throw unauthenticated("This refresh token was already used, so the session has been ended for safety; sign in again");
            }
            default -> {
            }
        }
        User u = r.session().userId == null ? null : User.findById(r.session().userId);
        Instant now = Instant.now(clock);
        if (u == null || !u.enabled || u.isLocked(now)) {
            sessions.revoke(r.session(), "user no longer allowed");
            throw unauthenticated("This account can no longer sign in");
        }
        return signedIn(u, r.session(), r.refreshToken());
    }

    /** Ends the caller's session (from the token's sid, or the refresh token), or all their sessions. */
    public void logout(String sessionId, String refreshToken, boolean allSessions) {
        UserSession s = sessions.byId(sessionId).or(() -> sessions.byRefreshToken(refreshToken)).orElse(null);
        if (s == null) {
            if (caller.isSignedIn()) {
                return;
            }
            throw unauthenticated("Send the access token or the refresh token of the session to end");
        }
        User u = s.userId == null ? null : User.findById(s.userId);
        if (caller.isSignedIn() && u != null && !u.username.equals(caller.username())) {
            throw ProblemException.forbidden("That session is not yours");
        }
        sessions.revoke(s, "signed out");
        int others = 0;
        if (allSessions && u != null) {
            others = sessions.revokeAll(u.id, "signed out everywhere");
        }
        audit.record("SIGN_OUT", u == null ? "unknown" : u.username, s.userId, u == null ? null : u.partner,
                details("session", s.id, "allSessions", allSessions, "otherSessionsEnded", others));
    }

    public void changePassword(String currentPassword, String newPassword, String sessionId) {
        User u = User.findByUsername(caller.username()).orElseThrow(() -> ProblemException.notFound("User", caller.username()));
        if (u.passwordHash == null) {
            throw ProblemException.conflict("You sign in through " + u.externalProvider + "; change your password there");
        }
        if (!passwords.matches(currentPassword, u.passwordHash)) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        passwords.weakness(newPassword, u.username).ifPresent(w -> {
            throw ProblemException.invalid("newPassword", w);
        });
        Instant now = Instant.now(clock);
        u.passwordHash = passwords.hash(newPassword);
        u.passwordChangedAt = now;
        u.updatedAt = now;
        int ended = sessions.revokeAll(u.id, "password changed", sessionId);
        audit.record("PASSWORD_CHANGED", u.username, u.id, u.partner, details("otherSessionsEnded", ended));
    }

    private SignedIn signedIn(User u, UserSession s, String refreshToken) {
        TokenIssuer.Issued access = tokens.forUser(u, s.id);
        long expiresIn = Duration.between(Instant.now(clock), access.expiresAt()).toSeconds();
        TokenResponse response = new TokenResponse(access.token(), "Bearer", expiresIn, access.expiresAt(), refreshToken,
                s.expiresAt, UserView.of(u, Instant.now(clock)));
        return new SignedIn(response, refreshToken, s.expiresAt);
    }

    private static ProblemException failed() {
        return unauthenticated(GENERIC_FAILURE);
    }

    private ProblemException locked(User u, Instant now) {
        long seconds = Math.max(1, Duration.between(now, u.lockedUntil).toSeconds());
        return new TooManyRequests(new Problem("account-locked", "Account locked", 401,
                "Too many failed sign-ins: this account is locked until " + u.lockedUntil
                        + "; wait, or ask an admin or your manager to unlock it"), seconds);
    }

    static ProblemException unauthenticated(String detail) {
        return new Unauthenticated(detail);
    }

    private static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i].toString(), kv[i + 1]);
            }
        }
        return m;
    }
}
