package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Secrets;
import org.sharedict.gateway.platform.SignInAudit;
import org.sharedict.gateway.users.UserAccessChanged;

/**
 * Sign-in sessions and their refresh tokens. A refresh token is {@code <session id>.<secret>};
 * only the secret's SHA-256 is stored, and each refresh replaces it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Sessions {

    private final GatewayConfig config;
    private final Clock clock;
    private final RevokedSessions revoked;

    Sessions(GatewayConfig config, Clock clock, RevokedSessions revoked) {
        this.config = config;
        this.clock = clock;
        this.revoked = revoked;
    }

    public record Opened(UserSession session, String refreshToken) {}

    public Opened open(long userId, UserSession.Method method, String clientAddress, String userAgent) {
        Instant now = Instant.now(clock);
        UserSession s = new UserSession();
        s.id = Secrets.alphanumeric(24);
        s.userId = userId;
        s.method = method;
        s.createdAt = now;
        s.refreshedAt = now;
        s.expiresAt = now.plus(config.tokens().sessionLifetime());
        s.clientAddress = SignInAudit.truncate(clientAddress == null ? "" : clientAddress, 64);
        s.userAgent = userAgent == null ? null : SignInAudit.truncate(userAgent, 200);
        String secret = Secrets.random(32);
        s.refreshHash = Secrets.sha256(secret);
        s.persist();
        return new Opened(s, s.id + "." + secret);
    }

    public enum RefreshOutcome {
        ROTATED,
        UNKNOWN,
        REUSED,
        ENDED
    }

    public record Refreshed(RefreshOutcome outcome, UserSession session, String refreshToken) {}

    /** Replaces the refresh token; a token that was already replaced ends the session (it was copied). */
    public Refreshed rotate(String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot <= 0) {
            return new Refreshed(RefreshOutcome.UNKNOWN, null, null);
        }
        UserSession s = UserSession.findById(refreshToken.substring(0, dot), LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return new Refreshed(RefreshOutcome.UNKNOWN, null, null);
        }
        String hash = Secrets.sha256(refreshToken.substring(dot + 1));
        Instant now = Instant.now(clock);
        if (Secrets.same(hash, s.previousRefreshHash)) {
            revoke(s, "refresh token reused");
            return new Refreshed(RefreshOutcome.REUSED, s, null);
        }
        if (!Secrets.same(hash, s.refreshHash)) {
            return new Refreshed(RefreshOutcome.UNKNOWN, null, null);
        }
        if (!s.isActive(now)) {
            return new Refreshed(RefreshOutcome.ENDED, s, null);
        }
        String secret = Secrets.random(32);
        s.previousRefreshHash = s.refreshHash;
        s.refreshHash = Secrets.sha256(secret);
        s.refreshedAt = now;
        return new Refreshed(RefreshOutcome.ROTATED, s, s.id + "." + secret);
    }

    /** The session a refresh token belongs to, without using the token up (signing out with it). */
    public Optional<UserSession> byRefreshToken(String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        UserSession s = UserSession.findById(refreshToken.substring(0, dot));
        if (s == null || !Secrets.same(Secrets.sha256(refreshToken.substring(dot + 1)), s.refreshHash)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** True when the user signed in from this address at or after {@code since}: an address of the account's owner. */
    public boolean signedInFrom(long userId, String clientAddress, Instant since) {
        return UserSession.count(
                        "userId = ?1 and clientAddress = ?2 and createdAt >= ?3",
                        userId,
                        SignInAudit.truncate(clientAddress == null ? "" : clientAddress, 64),
                        since)
                > 0;
    }

    public Optional<UserSession> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(UserSession.findById(id));
    }

    public void revoke(UserSession s, String reason) {
        Instant now = Instant.now(clock);
        if (s.revokedAt == null) {
            s.revoke(now, reason);
            revoked.add(s.id, now);
        }
    }

    /** Ends every session of a user (disabled, deleted, rights or password changed), but {@code keep}. */
    public int revokeAll(long userId, String reason, String keep) {
        List<UserSession> open = UserSession.list("userId = ?1 and revokedAt is null", userId);
        int n = 0;
        for (UserSession s : open) {
            if (!s.id.equals(keep)) {
                revoke(s, reason);
                n++;
            }
        }
        return n;
    }

    public int revokeAll(long userId, String reason) {
        return revokeAll(userId, reason, null);
    }

    /** Users changed someone's rights or password, or deleted them: their sessions end in the same transaction. */
    void accessChanged(@Observes UserAccessChanged change) {
        revokeAll(change.userId(), change.reason());
    }
}
