package org.sharedict.rota.rotas;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.rota.schedule.Coverage;
import org.sharedict.rota.schedule.Layer;

/**
 * A pooled rota: the partners it covers, its members per layer in rotation order, how long each
 * member holds it and when it hands off (a local time, optionally on a given weekday).
 */
@Entity
@Table(name = "rota")
public class Rota extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Coverage coverage;

    @Column(name = "rotation_days", nullable = false)
    public int rotationDays;

    @Column(name = "handoff_time", nullable = false)
    public LocalTime handoffTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "handoff_day", length = 10)
    public DayOfWeek handoffDay;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "escalation_policy_id")
    public Long escalationPolicyId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rota_partner", joinColumns = @JoinColumn(name = "rota_id"))
    @Column(name = "partner", length = 16)
    public Set<String> partners = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rota_member", joinColumns = @JoinColumn(name = "rota_id"))
    @OrderBy("layer, position")
    public List<Member> members = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public static class Member {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 16)
        public Layer layer;

        @Column(nullable = false)
        public int position;

        @Column(name = "person_id", nullable = false)
        public long personId;

        public Member() {}

        public Member(Layer layer, int position, long personId) {
            this.layer = layer;
            this.position = position;
            this.personId = personId;
        }
    }

    /** The first handoff: the start date (or the first {@code handoffDay} on or after it) at the handoff time. */
    public LocalDateTime firstHandoff() {
        LocalDate d = handoffDay == null ? startDate : startDate.with(TemporalAdjusters.nextOrSame(handoffDay));
        return d.atTime(handoffTime);
    }

    public List<Long> members(Layer layer) {
        return members.stream()
                .filter(m -> m.layer == layer)
                .sorted(Comparator.comparingInt(m -> m.position))
                .map(m -> m.personId)
                .toList();
    }

    public Set<Long> everyone() {
        Set<Long> ids = new LinkedHashSet<>();
        members.forEach(m -> ids.add(m.personId));
        return ids;
    }
}
