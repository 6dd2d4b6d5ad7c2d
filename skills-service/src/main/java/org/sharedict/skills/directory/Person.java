package org.sharedict.skills.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One member of a partner's ICT staff: how to reach them and whether they can help other partners. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "job_title", length = 200)
    public String jobTitle;

    @Column(length = 200)
    public String team;

    @Column(nullable = false, unique = true, length = 254)
    public String email;

    @Column(name = "work_phone", length = 40)
    public String workPhone;

    @Column(length = 40)
    public String mobile;

    @Column(length = 200)
    public String site;

    /** The partner's ICT manager (an escalation target, and who verifies skills). */
    @Column(nullable = false)
    public boolean manager;

    @Column(name = "help_other_partners", nullable = false)
    public boolean helpOtherPartners;

    @Column(name = "help_hours_per_month", nullable = false)
    public int helpHoursPerMonth;

    /** On leave or off sick: not available to other partners before this date. */
    @Column(name = "unavailable_until")
    public LocalDate unavailableUntil;

    @Column(name = "unavailable_reason", length = 200)
    public String unavailableReason;

    @Column(name = "out_of_hours", nullable = false)
    public boolean outOfHours;

    @Column(name = "last_confirmed")
    public LocalDate lastConfirmed;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Person> findByEmail(String email) {
        return find("email", email.trim().toLowerCase()).firstResultOptional();
    }

    /** Offers help to other partners and is not away on {@code today}. */
    public boolean availableOn(LocalDate today) {
        return isAvailable(helpOtherPartners, unavailableUntil, today);
    }

    public static boolean isAvailable(boolean helps, LocalDate unavailableUntil, LocalDate today) {
        return helps && (unavailableUntil == null || !today.isBefore(unavailableUntil));
    }
}
