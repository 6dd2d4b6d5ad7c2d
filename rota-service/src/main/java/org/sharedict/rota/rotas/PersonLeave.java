package org.sharedict.rota.rotas;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person is away: every rota skips them for the period and the next member covers. rota-service's
 * copy of a skills-service leave period ({@link LeaveSync}).
 */
@Entity
@Table(name = "person_leave")
public class PersonLeave extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The skills-service period this row mirrors (skills-service owns leave); null for rows from before V21. */
    @Column(name = "skills_leave_id")
    public Long skillsLeaveId;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(length = 500)
    public String reason;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
