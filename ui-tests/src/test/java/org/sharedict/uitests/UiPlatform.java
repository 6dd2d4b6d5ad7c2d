package org.sharedict.uitests;

/**
 * The platform the browser tests run against: one already running (ui.baseUrl, e.g. ./run.sh on
 * http://localhost:8080), or one started for the test run by the system-tests harness.
 */
interface UiPlatform extends AutoCloseable {

    String baseUrl();

    String adminUsername();

    String adminPassword();

    /** The stand-in council identity provider the gateway is configured with, or null (a platform already running). */
    default StandInCouncil council() {
        return null;
    }

    /** The text of every e-mail the platform sent, when this harness catches them (an already running platform: none). */
    default java.util.List<String> mails() {
        return java.util.List.of();
    }

    /** Whether {@link #mails()} sees the platform's e-mail. */
    default boolean catchesMail() {
        return false;
    }

    /** The mail server the platform's services send to, when the harness started it (null for a platform already running). */
    default com.icegreen.greenmail.util.GreenMail mail() {
        return null;
    }

    /** Whether a test may stop a service and start it again ({@link #stop}): only a platform this run started. */
    default boolean stopsServices() {
        return false;
    }

    /** Stops one service (skills-service, rota-service, dr-planner) until {@link #startAgain}: a service down. */
    default void stop(String service) {
        throw new UnsupportedOperationException("a platform already running cannot be stopped by a test");
    }

    /** Starts a stopped service again and waits until it is ready. */
    default void startAgain(String service) {
        throw new UnsupportedOperationException("a platform already running cannot be stopped by a test");
    }

    @Override
    default void close() {}

    static UiPlatform start() {
        String running = System.getProperty("ui.baseUrl");
        if (running != null && !running.isBlank()) {
            String base = running.endsWith("/") ? running.substring(0, running.length() - 1) : running;
            String user = System.getProperty("ui.adminUsername", "admin");
            String password = System.getProperty("ui.adminPassword", "admin");
            return new UiPlatform() {
                public String baseUrl() {
                    return base;
                }

                public String adminUsername() {
                    return user;
                }

                public String adminPassword() {
                    return password;
                }
            };
        }
        return HarnessPlatform.start();
    }
}
