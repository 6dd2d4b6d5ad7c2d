package org.sharedict.rota.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.rota.schedule.Layer;

/** An escalation policy: ordered steps, each notifying its targets and waiting its delay; repeated {@code repeatCount} times. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    public static final String DEFAULT_HIGH_URGENCY = "CRITICAL,HIGH";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    /** The partner whose managers may edit it; null for a partnership-wide policy (admins only). */
    @Column(length = 16)
    public String partner;

    @Column(name = "repeat_count", nullable = false)
    public int repeatCount;

    /** JSON list of {@link Steps.Step}. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String steps;

    /**
     * The steps' targets as rows ({@code escalation_target}), written with {@link #steps}: a rota
     * they page is held by a foreign key, so it cannot be deleted from under the policy.
     */
    @ElementCollection
    @CollectionTable(name = "escalation_target", joinColumns = @JoinColumn(name = "policy_id"))
    public List<Target> targets = new ArrayList<>();

    /** The severities paged with high urgency, comma-separated; the others are low urgency. */
    @Column(name = "high_urgency", nullable = false, length = 64)
    public String highUrgency = DEFAULT_HIGH_URGENCY;

    /** Whether a low-urgency page out of working hours waits for the working day. */
    @Column(name = "low_urgency_waits", nullable = false)
    public boolean lowUrgencyWaits = true;

    /** Followed by incidents that name responders (call-outs) and no policy: the partner's own before a partnership-wide one. */
    @Column(name = "call_out", nullable = false)
    public boolean callOut;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One target of one step, both 0-based. */
    @Embeddable
    public static class Target {
        @Column(name = "step_index", nullable = false)
        public int stepIndex;

        @Column(nullable = false)
        public int position;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 24)
        public Steps.TargetKind kind;

        @Column(name = "rota_id")
        public Long rotaId;

        @Enumerated(EnumType.STRING)
        @Column(length = 16)
        public Layer layer;

        @Column(name = "person_id")
        public Long personId;

        @Column(length = 16)
        public String partner;

        @Column(length = 1000)
        public String url;

        public Target() {}

        Target(int stepIndex, int position, Steps.Target t) {
            this.stepIndex = stepIndex;
            this.position = position;
            this.kind = t.kind();
            this.rotaId = t.rotaId();
            this.layer = t.layer();
            this.personId = t.personId();
            this.partner = t.partner();
            this.url = t.url();
        }
    }

    /** Stores the steps: the JSON document and its targets' rows. */
    void setSteps(String json, List<Steps.Step> steps) {
        this.steps = json;
        targets.clear();
        for (int i = 0; i < steps.size(); i++) {
            List<Steps.Target> ts = steps.get(i).targets();
            for (int j = 0; j < ts.size(); j++) {
                targets.add(new Target(i, j, ts.get(j)));
            }
        }
    }
}
