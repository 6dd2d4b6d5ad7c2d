package org.sharedict.rota.calendar;

import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The partnership's working day (one row): everything outside it, weekends and bank holidays is out of hours. */
@Entity
@Table(name = "ooh_calendar")
public class CalendarSettings extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(nullable = false, length = 40)
    public String zone;

    @Column(name = "day_start", nullable = false)
    public LocalTime dayStart;

    @Column(name = "day_end", nullable = false)
    public LocalTime dayEnd;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
