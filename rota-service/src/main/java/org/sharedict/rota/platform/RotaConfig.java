package org.sharedict.rota.platform;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** rota-service's own settings ({@code rota.*}), each with a default. */
@ConfigMapping(prefix = "rota")
public interface RotaConfig {

    /** The address people reach the platform at (the gateway); calendar feed URLs start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Sender of pages, shift notices and reminders. */
    @WithDefault("rota-service@sharedict.local")
    String mailFrom();

    Feeds feeds();

    Notices notices();

    Reminders reminders();

    Delivery delivery();

    interface Feeds {
        /** A calendar feed starts this many days in the past ... */
        @WithDefault("30")
        int pastDays();

        /** ... and reaches this many days ahead. */
        @WithDefault("120")
        int futureDays();
    }

    interface Notices {
        /** Changes to shifts starting within this many days are e-mailed to the people concerned. */
        @WithDefault("56")
        int horizonDays();
    }

    interface Reminders {
        /** How long before a shift starts its holder is reminded. */
        @WithDefault("PT2H")
        Duration lead();

        /** How often the reminder check runs (Quartz cron, seconds first). */
        @WithDefault("0 */5 * * * ?")
        String cron();
    }

    interface Delivery {
        /** Attempts per e-mail or webhook call before it is recorded as failed. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the first retry; each further retry waits twice as long. */
        @WithDefault("PT5S")
        Duration firstRetry();

        /** How long a webhook receiver has to answer. */
        @WithDefault("PT5S")
        Duration webhookTimeout();
    }
}
