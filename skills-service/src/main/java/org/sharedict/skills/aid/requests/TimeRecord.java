package org.sharedict.skills.aid.requests;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Time given against a help request, in whole minutes; the asker confirms or queries it. */
@Entity
@Table(name = "aid_time_record")
public class TimeRecord extends PanacheEntityBase {

    public enum Status {
        LOGGED,
        CONFIRMED,
        QUERIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public long requestId;

    @Column(name = "worked_on", nullable = false)
    public LocalDate workedOn;

    @Column(nullable = false)
    public int minutes;

    @Column(name = "out_of_hours", nullable = false)
    public boolean outOfHours;

    @Column(length = 1000)
    public String note;

    @Column(name = "logged_by", nullable = false, length = 120)
    public String loggedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "query_reason", length = 1000)
    public String queryReason;

    @Column(name = "answered_by", length = 120)
    public String answeredBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
