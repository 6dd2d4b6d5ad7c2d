package org.sharedict.rota.rotas;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.rota.schedule.Layer;

/**
 * A member asks another to exchange rotation periods of a layer: the requester's period holds
 * {@code firstAt}, the responder's {@code secondAt}. Nothing changes on the rota until the responder
 * accepts (or a manager imposes it), which makes the {@link RotaSwap} {@code swapId}.
 */
@Entity
@Table(name = "swap_request")
public class SwapRequest extends PanacheEntityBase {

    /** Where a request stands; only PENDING can change, into any of the others. */
    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        CANCELLED,
        EXPIRED,
        IMPOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rota_id", nullable = false)
    public long rotaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Layer layer;

    @Column(name = "requester_id", nullable = false)
    public long requesterId;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "responder_id", nullable = false)
    public long responderId;

    @Column(name = "second_at", nullable = false)
    public Instant secondAt;

    @Column(length = 500)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_by", length = 120)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "swap_id")
    public Long swapId;

    /** What the request is now: a pending request whose first shift has started is expired, even before anyone writes so. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }
}
