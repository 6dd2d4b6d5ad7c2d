package org.sharedict.rota.escalation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The policy an incident of this partner follows when it names none. */
@Entity
@Table(name = "partner_policy")
public class PartnerPolicy extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String partner;

    @Column(name = "policy_id", nullable = false)
    public long policyId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 120)
    public String updatedBy;
}
