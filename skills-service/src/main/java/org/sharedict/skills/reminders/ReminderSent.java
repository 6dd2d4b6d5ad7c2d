package org.sharedict.skills.reminders;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One reminder that went out; (kind, subjectKey) is unique, so none goes twice. */
@Entity
@Table(name = "reminder_sent")
public class ReminderSent extends PanacheEntityBase {

    public enum Kind {
        CERTIFICATION_60_DAYS,
        CERTIFICATION_14_DAYS,
        STALE_PROFILE,
        STALE_PROFILE_MANAGER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 32)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    @Column(name = "subject_key", nullable = false, length = 120)
    public String subjectKey;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(name = "sent_on", nullable = false)
    public LocalDate sentOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
