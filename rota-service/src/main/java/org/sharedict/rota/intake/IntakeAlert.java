package org.sharedict.rota.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.rota.incidents.Incident;

/** One alert received (or one heartbeat state change), and what came of it: the intake's record and the suppressed list. */
@Entity
@Table(name = "intake_alert")
public class IntakeAlert extends PanacheEntityBase {

    public enum Source {
        ALERTMANAGER,
        GRAFANA,
        EVENTS,
        HEARTBEAT,
        TEST
    }

    public enum Action {
        TRIGGER,
        ACKNOWLEDGE,
        RESOLVE
    }

    public enum Outcome {
        /** A new incident was raised and paged. */
        RAISED,
        /** The dedup key was open: counted on its incident, nobody paged again. */
        REPEATED,
        ACKNOWLEDGED,
        RESOLVED,
        /** An acknowledge or resolve for a key with no open incident: accepted and recorded. */
        NOT_OPEN,
        /** A trigger during a maintenance window: recorded, nobody paged. */
        SUPPRESSED,
        /** A manager's test of the key from the screen: recorded, nobody paged. */
        TEST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(name = "integration_key_id")
    public Long integrationKeyId;

    @Column(name = "heartbeat_id")
    public Long heartbeatId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Action action;

    @Column(name = "dedup_key", nullable = false, length = 200)
    public String dedupKey;

    @Column(nullable = false, length = 500)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Incident.Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    @Column(name = "incident_id")
    public Long incidentId;

    @Column(name = "maintenance_id")
    public Long maintenanceId;
}
