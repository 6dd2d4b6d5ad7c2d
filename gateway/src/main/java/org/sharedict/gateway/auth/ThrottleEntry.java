package org.sharedict.gateway.auth;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Failed sign-ins of one kind of key (V2__sign_in_throttle.sql) and when the next attempt may be made. */
@Entity
@Table(name = "sign_in_throttle")
public class ThrottleEntry extends PanacheEntityBase {

    /** What is counted: a username from one address, one address, or one username from anywhere it never signed in. */
    public enum Scope {
        PAIR,
        ADDRESS,
        ACCOUNT
    }

    @Id
    @Column(name = "throttle_key", length = 64)
    public String throttleKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Scope scope;

    @Column(nullable = false, length = 254)
    public String username;

    @Column(name = "client_address", nullable = false, length = 64)
    public String clientAddress;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    /** The next attempt is refused before this; null when failures are still below the free ones. */
    @Column(name = "blocked_until")
    public Instant blockedUntil;

    boolean blocks(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }
}
