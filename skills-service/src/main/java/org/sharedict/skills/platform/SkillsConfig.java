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
