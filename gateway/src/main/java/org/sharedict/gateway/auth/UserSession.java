package org.sharedict.gateway.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One sign-in. Its refresh token is used once and replaced (rotation); presenting an already
 * replaced one means it was copied, and ends the session. Access tokens carry the id as {@code sid}.
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    public enum Method {
        PASSWORD,
        OIDC
    }

    @Id
    @Column(length = 32)
    public String id;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "refresh_hash", nullable = false, length = 64)
    public String refreshHash;

    @Column(name = "previous_refresh_hash", length = 64)
    public String previousRefreshHash;

    @Column(nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    public Method method;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "refreshed_at", nullable = false)
    public Instant refreshedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason", length = 60)
    public String revokeReason;

    @Column(name = "client_address", length = 64)
    public String clientAddress;

    @Column(name = "user_agent", length = 200)
    public String userAgent;

    public boolean isActive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokeReason = reason;
        }
    }
}
