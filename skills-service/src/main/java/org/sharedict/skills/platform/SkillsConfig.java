package org.sharedict.skills.platform;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** skills-service's own settings ({@code skills.*}, or {@code SKILLS_*} in the environment). */
@ConfigMapping(prefix = "skills")
public interface SkillsConfig {

    /** A profile or skill not confirmed for this many months is stale (flagged, ranked lower, reported). */
    @WithDefault("6")
    int staleAfterMonths();

    Taxonomy taxonomy();

    Search search();

    Import csvImport();

    Aid aid();

    Reminders reminders();

    Mail mail();

    Links links();

    interface Links {
        /**
         * The key that signs one-click links in e-mails (at least 32 characters). Unset: a key made up
         * at start-up, so links stop working when the instance restarts and differ between instances.
         */
        java.util.Optional<String> secret();

        /** How long a link in an e-mail works. */
        @WithDefault("P7D")
        Duration lifetime();

        /** When the records of used links are pruned, in London (Quartz cron syntax). */
        @WithDefault("0 23 * * * ?")
        String pruneCron();

        /** How long past its link's expiry a used-link record is kept (instances' clocks may differ a little). */
        @WithDefault("PT1H")
        Duration pruneMargin();
    }

    interface Reminders {
        /** When the daily certification and stale-profile reminders run, in London (Quartz cron syntax). */
        @WithDefault("0 0 7 * * ?")
        String cron();
    }

    interface Mail {
        /** How often unsent mail in the outbox is tried again. */
        @WithDefault("60s")
        Duration sweep();
    }

    interface Aid {
        /** Where users reach the platform: links in mutual-aid e-mails point here. */
        @WithDefault("http://localhost:8080")
        String publicUrl();
    }

    interface Taxonomy {
        /**
         * How old the in-memory taxonomy may get before it is reloaded. Writes on this instance
         * reload it at once; this bounds how long another instance's edit takes to show here.
         */
        @WithDefault("30s")
        Duration refresh();
    }

    interface Search {
        /** Largest edit distance a search term may be from a skill's code, name or alias and still match. */
        @WithDefault("2")
        int maxTypos();

        /** How many close skills an unknown term's problem suggests. */
        @WithDefault("5")
        int suggestions();
    }

    interface Import {
        /** Most data rows one CSV file may hold. */
        @WithDefault("5000")
        int maxRows();
    }
}
