package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.gateway.auth.AuthDtos.TokenResponse;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.SignInAudit;
import org.sharedict.gateway.platform.TooManyRequests;
import org.sharedict.gateway.platform.Unauthenticated;
import org.sharedict.gateway.users.Account;
import org.sharedict.gateway.users.Accounts;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;

/**
 * Password sign-in, refresh and sign-out. Failures are committed (the audit entries; the throttle
 * counts in their own transaction) even though the request is refused, so they roll back on nothing
 * but real errors.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ProblemException.class)
public class LoginService {

    static final String GENERIC_FAILURE = "Wrong username or password";

    private final GatewayConfig config;
    private final Clock clock;
    private final Accounts accounts;
    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final SignInAudit audit;
    private final SignInThrottle throttle;
    private final Caller caller;

    LoginService(
            GatewayConfig config,
            Clock clock,
            Accounts accounts,
            Sessions sessions,
            TokenIssuer tokens,
            SignInAudit audit,
            SignInThrottle throttle,
            Caller caller) {
        this.config = config;
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
        this.caller = caller;
    }

    public record SignedIn(TokenResponse response, String refreshToken, Instant refreshExpiresAt) {}

    public SignedIn login(String rawUsername, String password, String clientAddress, String userAgent) {
        String username = rawUsername.trim().toLowerCase(Locale.ROOT);
        Instant now = Instant.now(clock);
        // The same steps, queries and bcrypt check whether or not the username exists (README, "Failed sign-ins").
        Account u = accounts.byUsername(username).orElse(null);
        boolean familiar = sessions.signedInFrom(
                u == null ? -1 : u.id(),
                clientAddress,
                now.minus(config.signInThrottle().familiarFor()));
        SignInThrottle.Ticket ticket = throttle.admit(username, clientAddress, familiar);
        if (ticket.refused()) {
            SignInThrottle.Refusal r = ticket.refusal();
            audit.record(
                    "SIGN_IN_FAILED",
                    username,
                    u == null ? null : u.id(),
                    u == null ? null : u.partner(),
                    details(
                            "reason",
                            "delayed after failed sign-ins (" + r.scope().name().toLowerCase(Locale.ROOT) + ")",
                            "address",
                            clientAddress,
                            "until",
                            r.until().toString()));
            throw throttled(r, now);
        }
        boolean right = accounts.passwordMatches(u, password);
        if (u == null || !right || !u.enabled()) {
            String reason = u == null
                    ? "unknown username"
                    : !right
                            ? (!u.hasPassword()
                                    ? "no password (signs in through " + u.externalProvider() + ")"
                                    : "wrong password")
                            : "account disabled";
            Long id = u == null ? null : u.id();
            String partner = u == null ? null : u.partner();
            audit.record("SIGN_IN_FAILED", username, id, partner, details("reason", reason, "address", clientAddress));
            for (SignInThrottle.Counted c : ticket.counted()) {
                if (c.startsDelays()) {
                    audit.record(
                            "SIGN_IN_THROTTLED",
                            username,
                            id,
                            partner,
                            details(
                                    "scope",
                                    c.scope().name().toLowerCase(Locale.ROOT),
                                    "address",
                                    clientAddress,
                                    "failures",
                                    c.failures(),
                                    "until",
                                    c.blockedUntil().toString()));
                }
            }
            throw failed();
        }
        throttle.succeeded(ticket);
        accounts.signedInWithPassword(u.id(), password, now);
        Sessions.Opened opened = sessions.open(u.id(), UserSession.Method.PASSWORD, clientAddress, userAgent);
        audit.record(
                "SIGN_IN",
                username,
                u.id(),
                u.partner(),
                details("method", "password", "address", clientAddress, "session", opened.session().id));
        return signedIn(u, opened.session(), opened.refreshToken());
    }

    /** Signs in a user who proved who they are elsewhere (an OpenID Connect provider). */
    public SignedIn loginExternal(Account u, String provider, String clientAddress, String userAgent) {
        Instant now = Instant.now(clock);
        accounts.signedIn(u.id(), now);
        Sessions.Opened opened = sessions.open(u.id(), UserSession.Method.OIDC, clientAddress, userAgent);
        audit.record(
                "SIGN_IN",
                u.username(),
                u.id(),
                u.partner(),
                details("method", "oidc:" + provider, "address", clientAddress, "session", opened.session().id));
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
                Account u = accounts.byId(r.session().userId).orElse(null);
                audit.record(
                        "REFRESH_REUSED",
                        u == null ? "unknown" : u.username(),
                        r.session().userId,
                        u == null ? null : u.partner(),
                        details("session", r.session().id, "address", clientAddress));
                throw unauthenticated(
                        "This refresh token was already used, so the session has been ended for safety; sign in again");
            }
            default -> {}
        }
        Account u = accounts.byId(r.session().userId).orElse(null);
        if (u == null || !u.enabled()) {
            sessions.revoke(r.session(), "user no longer allowed");
            throw unauthenticated("This account can no longer sign in");
        }
        return signedIn(u, r.session(), r.refreshToken());
    }

    /** Ends the caller's session (from the token's sid, or the refresh token), or all their sessions. */
    public void logout(String sessionId, String refreshToken, boolean allSessions) {
        UserSession s = sessions.byId(sessionId)
                .or(() -> sessions.byRefreshToken(refreshToken))
                .orElse(null);
        if (s == null) {
            if (caller.isSignedIn()) {
                return;
            }
            throw unauthenticated("Send the access token or the refresh token of the session to end");
        }
        Account u = accounts.byId(s.userId).orElse(null);
        if (caller.isSignedIn() && u != null && !u.username().equals(caller.username())) {
            throw ProblemException.forbidden("That session is not yours");
        }
        sessions.revoke(s, "signed out");
        int others = 0;
        if (allSessions && u != null) {
            others = sessions.revokeAll(u.id(), "signed out everywhere");
        }
        audit.record(
                "SIGN_OUT",
                u == null ? "unknown" : u.username(),
                s.userId,
                u == null ? null : u.partner(),
                details("session", s.id, "allSessions", allSessions, "otherSessionsEnded", others));
    }

    public void changePassword(String currentPassword, String newPassword, String sessionId) {
        Account u = accounts.changePassword(caller.username(), currentPassword, newPassword);
        int ended = sessions.revokeAll(u.id(), "password changed", sessionId);
        audit.record("PASSWORD_CHANGED", u.username(), u.id(), u.partner(), details("otherSessionsEnded", ended));
    }

    private SignedIn signedIn(Account u, UserSession s, String refreshToken) {
        TokenIssuer.Issued access = tokens.forUser(u, s.id);
        long expiresIn =
                Duration.between(Instant.now(clock), access.expiresAt()).toSeconds();
        TokenResponse response = new TokenResponse(
                access.token(),
                "Bearer",
                expiresIn,
                access.expiresAt(),
                refreshToken,
                s.expiresAt,
                accounts.view(u.id()));
        return new SignedIn(response, refreshToken, s.expiresAt);
    }

    private static ProblemException failed() {
        return unauthenticated(GENERIC_FAILURE);
    }

    /** 429, the same for every username: what is delayed depends only on the failures counted, never on the user. */
    private static ProblemException throttled(SignInThrottle.Refusal r, Instant now) {
        long seconds =
                Math.max(1, Duration.between(now, r.until()).plusMillis(999).toSeconds());
        String which = switch (r.scope()) {
            case PAIR -> "for this username from your address";
            case ADDRESS -> "from your address";
            case ACCOUNT -> "for this username from addresses it has not signed in from";
        };
        return new TooManyRequests(
                new Problem(
                        "sign-in-throttled",
                        "Too many failed sign-ins",
                        429,
                        "Too many failed sign-ins " + which + "; try again in " + seconds
                                + (seconds == 1 ? " second" : " seconds")),
                seconds);
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
