package org.sharedict.uitests;

/** The whole platform started for the test run by the system-tests harness. */
final class HarnessPlatform {

    private HarnessPlatform() {
    }

    static UiPlatform start() {
        throw new IllegalStateException("The system-tests harness that starts the whole platform is not in the build yet. "
                + "Run the browser tests against a running platform instead: ./run.sh, then "
                + "./mvnw -pl ui-tests verify -Dui.baseUrl=http://localhost:8080");
    }
}
