package org.sharedict.rota.incidents;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.sharedict.platform.security.Caller;

/** Writes an incident's timeline, in the transaction of the change it records. */
@ApplicationScoped
public class Timeline {

    private final Clock clock;

    Timeline(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentEvent add(long incidentId, IncidentEvent.Kind kind, String detail) {
        return add(incidentId, kind, detail, e -> {});
    }

    /**
     * As {@link #add(long, IncidentEvent.Kind, String)}, with the line's other fields set by
     * {@code fields} before it is written: one insert, where setting them afterwards would add an update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentEvent add(long incidentId, IncidentEvent.Kind kind, String detail, Consumer<IncidentEvent> fields) {
        IncidentEvent e = new IncidentEvent();
        e.incidentId = incidentId;
        e.at = Instant.now(clock);
        e.kind = kind;
        e.actor = Caller.currentUsernameOrSystem();
        e.detail = detail;
        fields.accept(e);
        e.persist();
        return e;
    }

    /**
     * Several lines of one incident, in one multi-row {@code INSERT} on the transaction's connection:
     * Hibernate writes each row of an IDENTITY table on its own, and one escalation step writes four
     * or five. The lines get their time ({@code at}, unless set) and actor here; they are not managed
     * entities afterwards and get no ID (queries in the same transaction see them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(long incidentId, List<IncidentEvent> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        String actor = Caller.currentUsernameOrSystem();
        StringBuilder sql = new StringBuilder("insert into incident_event (incident_id, at, kind, actor, detail, step,"
                + " pass, due_at, channel, recipient, notification_id, attempt) values ");
        for (int i = 0; i < lines.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        for (IncidentEvent e : lines) {
            e.incidentId = incidentId;
            e.actor = actor;
            if (e.at == null) {
                e.at = now;
            }
        }
        IncidentEvent.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 0;
                for (IncidentEvent e : lines) {
                    ps.setLong(++p, e.incidentId);
                    ps.setObject(++p, utc(e.at));
                    ps.setString(++p, e.kind.name());
                    ps.setString(++p, e.actor);
                    ps.setString(++p, e.detail);
                    setInt(ps, ++p, e.step);
                    setInt(ps, ++p, e.pass);
                    ps.setObject(++p, utc(e.dueAt));
                    ps.setString(++p, e.channel);
                    ps.setString(++p, e.recipient);
                    if (e.notificationId == null) {
                        ps.setNull(++p, Types.BIGINT);
                    } else {
                        ps.setLong(++p, e.notificationId);
                    }
                    setInt(ps, ++p, e.attempt);
                }
                ps.executeUpdate();
            }
        });
    }

    /** As Hibernate stores an Instant here (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    private static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
