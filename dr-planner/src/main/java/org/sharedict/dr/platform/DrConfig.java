package org.sharedict.dr.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** dr-planner's own settings ({@code dr.*}), each with a default. */
@ConfigMapping(prefix = "dr")
public interface DrConfig {

    Review review();

    Analysis analysis();

    Staffing staffing();

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

    interface Staffing {
        /** Candidates listed per skill, from the plan's own partner and from the others each. */
        @WithDefault("5")
        int candidates();
    }
}
