package org.sharedict.rota.escalation;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.sharedict.rota.schedule.Layer;

/** A policy's steps as stored (JSON) and used by the escalation engine. */
public final class Steps {

    private Steps() {}

    public enum TargetKind {
        /** Whoever is on call on a layer of a rota when the step fires. */
        ROTA_LAYER,
        /** One named person. */
        PERSON,
        /** The managers (skills-service {@code manager: true}) of a partner; the incident's partner when none is named. */
        PARTNER_MANAGER,
        /** An outgoing JSON webhook (e.g. a Teams or Slack incoming webhook). */
        WEBHOOK,
        /** The owner the incident names when it is raised (a call-out: a DR plan's owner). */
        INCIDENT_OWNER,
        /** The responders the incident names when it is raised (a call-out: the owners of a DR plan's first-wave steps). */
        INCIDENT_RESPONDERS
    }

    /** Severities from the most to the least severe, as incidents name them. */
    public static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    /**
     * One target of a step. {@code minSeverity}, when set, pages it only for incidents at least that
     * severe (the Head of ICT for CRITICAL ones, say): severity changes who is paged, not only how.
     */
    public record Target(
            TargetKind kind, Long rotaId, Layer layer, Long personId, String partner, String url, String minSeverity) {

        public Target(TargetKind kind, Long rotaId, Layer layer, Long personId, String partner, String url) {
            this(kind, rotaId, layer, personId, partner, url, null);
        }

        public Target withMinSeverity(String severity) {
            return new Target(kind, rotaId, layer, personId, partner, url, severity);
        }

        /** Whether an incident of this severity pages this target (unknown severities page everyone). */
        public boolean pagedFor(String severity) {
            int floor = minSeverity == null ? -1 : SEVERITIES.indexOf(minSeverity);
            int given = severity == null ? -1 : SEVERITIES.indexOf(severity);
            return floor < 0 || given < 0 || given <= floor;
        }
    }

    /** Notify the targets, then wait {@code delay} for an acknowledgement before the next step. */
    public record Step(String delay, long delaySeconds, List<Target> targets) {
        @JsonIgnore
        public Duration waitFor() {
            return Duration.ofSeconds(delaySeconds);
        }
    }

    public record Stored(List<Step> steps) {}
}
