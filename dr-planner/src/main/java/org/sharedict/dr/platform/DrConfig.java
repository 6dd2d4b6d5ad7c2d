package org.sharedict.dr.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** dr-planner's own settings ({@code dr.*}), each with a default. */
@ConfigMapping(prefix = "dr")
public interface DrConfig {

    Review review();

    Analysis analysis();

    Staffing staffing();

    Copies copies();

    Reminders reminders();

    /** The platform's address as people reach it (the gateway), for links in e-mails. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    interface Review {
        /** An approved plan without a review date is due this many months after approval. */
        @WithDefault("12")
        int intervalMonths();

        /** When the review check runs (Quartz cron, seconds first). */
        @WithDefault("0 15 6 * * ?")
        String cron();

        /** Sender of review reminders. */
        @WithDefault("dr-planner@sharedict.local")
        String mailFrom();
    }

    interface Analysis {
        /** An activity that this many others need (directly or not) is reported as a single point of failure. */
        @WithDefault("3")
        int spofMinDependents();
    }

    interface Copies {
        /**
         * Signs the acknowledgement links sent to copy holders (HMAC-SHA256, at least 32 characters).
         * Unset: a key made up at start, so links stop working when the instance restarts.
         */
        java.util.Optional<String> secret();

        /** How long an acknowledgement link works. */
        @WithDefault("P90D")
        java.time.Duration linkLifetime();

        /** A copy not acknowledged is reminded once each this long after it was sent or last reminded. */
        @WithDefault("P7D")
        java.time.Duration remindEvery();
    }

    interface Reminders {
        /** When copy and exercise reminders are looked for (Quartz cron, seconds first). */
        @WithDefault("0 0 * * * ?")
        String cron();

        /** Participants of a scheduled exercise are reminded this many days before it. */
        @WithDefault("7")
        int exerciseDaysBefore();
    }

    interface Staffing {
        /** Candidates listed per skill, from the plan's own partner and from the others each. */
        @WithDefault("5")
        int candidates();
    }
}
