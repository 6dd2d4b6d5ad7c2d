package org.sharedict.dr.copies;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Someone who keeps an offline copy of a plan (every revision of it): a person of the partnership
 * or an address off the platform (a home e-mail, a partner's DR lead). Removing one keeps the row,
 * so the register still says who held which revision.
 */
@Entity
@Table(name = "dr_copy_holder")
public class CopyHolder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 36)
    public String series;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "person_id")
    public Long personId;

    @Column(length = 500)
    public String note;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Version
    public long version;

    static List<CopyHolder> current(String series) {
        return list("series = ?1 and removedAt is null order by name, id", series);
    }
}
