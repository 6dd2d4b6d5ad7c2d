package org.sharedict.rota.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** rota-service's copy of a person's name and contact details, so paging works while skills-service is down. */
@Entity
@Table(name = "person_snapshot")
public class PersonSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(length = 254)
    public String email;

    @Column(length = 40)
    public String phone;

    @Column(nullable = false)
    public boolean manager;

    @Column(name = "refreshed_at", nullable = false)
    public Instant refreshedAt;
}
