package org.sharedict.rota.contacts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One way to reach one person; used for pages only once verified. */
@Entity
@Table(name = "contact_method")
public class ContactMethod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MethodKind kind;

    /** An e-mail address, an E.164 number or a webhook URL. */
    @Column(nullable = false, length = 1000)
    public String address;

    @Column(length = 100)
    public String label;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** "salt:sha256" of the code last sent, null when none is pending. */
    @Column(name = "code_hash", length = 100)
    public String codeHash;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "code_attempts", nullable = false)
    public int codeAttempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
