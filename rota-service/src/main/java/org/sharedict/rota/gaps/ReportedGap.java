package org.sharedict.rota.gaps;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cover gap already mailed to its partner's managers; it grows with the gap, so a lasting gap is told once. */
@Entity
@Table(name = "cover_gap_reported")
public class ReportedGap extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    /** What the gap is, whatever its times: reason, rota, layer, policy and step. */
    @Column(name = "gap_key", nullable = false, length = 120)
    public String gapKey;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
}
