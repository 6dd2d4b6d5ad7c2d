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
        WEBHOOK
    }

    public record Target(TargetKind kind, Long rotaId, Layer layer, Long personId, String partner, String url) {}

    /** Notify the targets, then wait {@code delay} for an acknowledgement before the next step. */
    public record Step(String delay, long delaySeconds, List<Target> targets) {
        @JsonIgnore
        public Duration waitFor() {
            return Duration.ofSeconds(delaySeconds);
        }
    }

    public record Stored(List<Step> steps) {}
}
