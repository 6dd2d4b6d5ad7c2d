package org.sharedict.rota.actions;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A page link that was used: its token ID is the key, so a link acts once, whichever instance answers it. */
@Entity
@Table(name = "page_action_use")
public class ActionUse extends PanacheEntityBase {

    @Id
    @Column(name = "token_id", length = 32)
    public String tokenId;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(nullable = false, length = 16)
    public String action;

    @Column(name = "used_at", nullable = false)
    public Instant usedAt;

    /** When the link would have expired: rows past it can be deleted, the signature refuses the link anyway. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
