package org.sharedict.dr.platform.mail;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One e-mail in the outbox: written with the change it reports, sent after that commits. */
@Entity
@Table(name = "dr_mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 254)
    public String recipient;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Column(name = "attachment_name", length = 200)
    public String attachmentName;

    @Column(name = "attachment_type", length = 100)
    public String attachmentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "MEDIUMBLOB")
    public byte[] attachment;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "sent_at")
    public Instant sentAt;
}
