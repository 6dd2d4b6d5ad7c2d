package org.sharedict.rota.feeds;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's calendar feed secret; only its SHA-256 is stored, so the URL is shown once, when issued. */
@Entity
@Table(name = "feed_token")
public class FeedToken extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false, length = 120)
    public String issuedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
