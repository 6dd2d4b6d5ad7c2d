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
