package org.sharedict.skills.directory;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation in the partnership: a council, the police, an NHS body. */
@Entity
public class Partner extends PanacheEntityBase {

    public enum Type {
        COUNTY_COUNCIL,
        DISTRICT_COUNCIL,
        BOROUGH_COUNCIL,
        CITY_COUNCIL,
        UNITARY_COUNCIL,
        POLICE,
        FIRE,
        NHS,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 16)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Type type;

    @Column(name = "service_desk_phone", length = 40)
    public String serviceDeskPhone;

    @Column(name = "out_of_hours_phone", length = 40)
    public String outOfHoursPhone;

    @Column(length = 254)
    public String email;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Partner> findByCode(String code) {
        return find("code", code.toUpperCase()).firstResultOptional();
    }
}
