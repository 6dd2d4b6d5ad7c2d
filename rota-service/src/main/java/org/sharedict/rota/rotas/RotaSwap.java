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

/** Two members exchange their rotation periods on a layer; each period is named by an instant inside it. Only an agreed or imposed swap is one. */
@Entity
@Table(name = "rota_swap")
public class RotaSwap extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rota_id", nullable = false)
    public long rotaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Layer layer;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "second_at", nullable = false)
    public Instant secondAt;

    @Column(length = 500)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** AGREED: a request the other member accepted; IMPOSED: made by a manager (or, before requests, by one side). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Origin origin = Origin.IMPOSED;

    /** The swap request it came from, if any. */
    @Column(name = "request_id")
    public Long requestId;

    public enum Origin {
        AGREED,
        IMPOSED
    }
}
