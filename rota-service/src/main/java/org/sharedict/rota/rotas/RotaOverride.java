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

/** Someone covers a layer of a rota for a period instead of whoever is scheduled. */
@Entity
@Table(name = "rota_override")
public class RotaOverride extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rota_id", nullable = false)
    public long rotaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Layer layer;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
