package org.sharedict.rota.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    Heartbeats heartbeats();

    Actions actions();

    Webhooks webhooks();

    Gaps gaps();

    /** Cover gaps: when nobody would be paged (GET /api/oncall/gaps, the managers' daily mail, the gauge). */
    interface Gaps {
        /** How far ahead gaps are looked for (the API's default range, the mail, the gauge). */
        @WithDefault("28")
        int horizonDays();

        /** The longest from–to range the API answers. */
        @WithDefault("90")
        int maxRangeDays();

        /** When the managers' daily mail of new gaps goes (Quartz cron, the partnership's zone). */
        @WithDefault("0 0 7 * * ?")
        String mailCron();

        /** How often each instance recounts gaps for its gauge. */
        @WithDefault("PT5M")
        Duration metricsEvery();
    }

    Leave leave();

    interface Leave {
        /**
         * How old rota-service's copy of skills-service's leave may be when a signed-in request
         * (on call, shifts, leave) reads it; older, it is read again first, and a 503 answers when
         * skills-service cannot say. Pages and feeds use the copy as it is.
         */
        @WithDefault("PT30S")
        Duration maxAge();

        /** How far back the copy is refreshed; older leave is kept as it was. */
        @WithDefault("P30D")
        Duration lookBack();
    }

    interface Actions {
        /**
         * The key that signs one-click action links (at least 32 characters). Every instance must
         * share it and production must set it (ROTA_ACTIONS_SECRET): without it each instance makes
         * up its own at start-up, and links it signed stop working when it restarts.
         */
        Optional<String> secret();

        /** How long an action link in a page works. */
        @WithDefault("PT24H")
        Duration lifetime();

        /** When the records of used links are pruned (Quartz cron, seconds first, Europe/London). */
        @WithDefault("0 23 * * * ?")
        String pruneCron();

        /**
         * How long past its link's expiry a used-link record is kept before pruning: clocks of several
         * instances may differ a little, and the signature refuses an expired link anyway.
         */
        @WithDefault("PT1H")
        Duration pruneMargin();
    }

    interface Webhooks {
        /** Attempts per lifecycle webhook call before it is recorded as given up. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry; each further retry waits twice as long. */
        @WithDefault("PT10S")
        Duration firstRetry();

        /** How long a subscriber has to answer. */
        @WithDefault("PT5S")
        Duration timeout();

        /** Whether subscribers may be plain http:// addresses: for local runs and tests only. */
        @WithDefault("false")
        boolean allowHttp();
    }

    Sms sms();

    Voice voice();

    Contacts contacts();

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

        /**
         * How long the mail relay has to take an e-mail. A send that takes longer counts as a failed
         * attempt and is retried on a new connection (a stalled SMTP connection otherwise held the
         * page for 30 s and more).
         */
        @WithDefault("PT15S")
        Duration mailTimeout();

        /** Senders per instance for messages due now (they wait on providers, not on the CPU). */
        @WithDefault("16")
        int workers();

        /** Messages waiting for a sender before more are left to the sweep. */
        @WithDefault("10000")
        int queue();

        /** How long a sender holds an attempt: longer than any provider may take to answer. */
        @WithDefault("PT2M")
        Duration claimLease();

        /** How often the sweep looks for overdue messages nobody sent (Quartz cron, seconds first). */
        @WithDefault("*/10 * * * * ?")
        String sweepCron();

        /** How overdue a message must be before the sweep sends it instead of the fast path or Quartz. */
        @WithDefault("PT30S")
        Duration sweepGrace();
    }

    interface Heartbeats {
        /** How often silent heartbeat monitors are looked for (Quartz cron, seconds first). */
        @WithDefault("*/15 * * * * ?")
        String checkCron();
    }

    /** SMS pages, verification codes and replies through GOV.UK Notify (off unless an API key is set). */
    interface Sms {
        @WithDefault("false")
        boolean enabled();

        /** Notify's API address; tests and the local stand-in point it elsewhere. */
        @WithDefault("https://api.notifications.service.gov.uk")
        String baseUrl();

        /** The Notify API key (key name, service ID, secret): a secret setting. */
        Optional<String> apiKey();

        /** The bearer token Notify sends with its delivery-receipt and received-text callbacks (set in Notify's API integration page). */
        Optional<String> callbackToken();

        /** Notify template IDs per message kind; each template is one ((body)) placeholder. */
        Templates templates();

        interface Templates {
            @WithDefault("00000000-0000-0000-0000-000000000001")
            String page();

            @WithDefault("00000000-0000-0000-0000-000000000002")
            String verification();

            @WithDefault("00000000-0000-0000-0000-000000000003")
            String notice();
        }
    }

    /** Voice pages through Twilio Programmable Voice: optional, off by default. */
    interface Voice {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        Optional<String> authToken();

        /** The Twilio number calls come from, E.164. */
        Optional<String> from();
    }

    interface Contacts {
        /** How long a verification code may be typed back. */
        @WithDefault("PT15M")
        Duration codeLifetime();

        /** Wrong codes allowed before a new one must be sent. */
        @WithDefault("5")
        int codeAttempts();

        /** Hosts whose Teams or Slack webhooks may be plain http (the local stand-in, tests); everyone else's must be https. */
        Optional<List<String>> plainHttpHosts();
    }
}
