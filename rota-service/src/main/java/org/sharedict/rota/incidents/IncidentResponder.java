package org.sharedict.rota.incidents;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person a call-out names when it is raised: its owner, or one of its responders. */
@Entity
@Table(name = "incident_responder")
@IdClass(IncidentResponder.Key.class)
public class IncidentResponder extends PanacheEntityBase {

    public enum Role {
        OWNER,
        RESPONDER
    }

    @Id
    @Column(name = "incident_id")
    public Long incidentId;

    @Id
    public Integer position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 300)
    public String why;

    static List<IncidentResponder> of(long incidentId) {
        return list("incidentId = ?1 order by position", incidentId);
    }

    public static class Key implements Serializable {
        public Long incidentId;
        public Integer position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(incidentId, k.incidentId)
                    && Objects.equals(position, k.position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, position);
        }
    }
}
