package org.sharedict.gateway.oidc;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sign-in sent to an external provider and not yet back: what the callback must match. */
@Entity
@Table(name = "oidc_login")
public class OidcLogin extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String state;

    @Column(nullable = false, length = 64)
    public String provider;

    @Column(nullable = false, length = 64)
    public String nonce;

    @Column(name = "code_verifier", nullable = false, length = 128)
    public String codeVerifier;

    @Column(name = "return_to", length = 500)
    public String returnTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
