package org.sharedict.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fuzzer's settings: system properties (as {@code -Dfuzz.cases=40} on the Maven command line)
 * or environment variables ({@code FUZZ_CASES=40}); README.md lists them.
 *
 * @param enforce    fail the build on any finding (default); false only reports them
 * @param seed       the random seed: the same seed, platform and code send the same requests
 * @param cases      cases per operation (the whole-request cases are always sent, even beyond it)
 * @param budget     fuzzing time after which the remaining operations get only their first cases
 * @param operations a regular expression over "METHOD /path" choosing operations (default all)
 */
record FuzzSettings(
        boolean enforce,
        long seed,
        int cases,
        Duration budget,
        Pattern operations,
        Path reportDir,
        String baseUrl,
        String adminPassword,
        List<String> databases,
        Path logDir) {

    static final int CASES_AFTER_BUDGET = 6;

    static FuzzSettings load() {
        String ops = setting("fuzz.operations", "");
        String dbs = setting("fuzz.databases", "");
        String logs = setting("fuzz.logDir", "");
        return new FuzzSettings(
                Boolean.parseBoolean(setting("fuzz.enforce", "true")),
                Long.parseLong(setting("fuzz.seed", "20261207")),
                Integer.parseInt(setting("fuzz.cases", "20")),
                Duration.parse(setting("fuzz.budget", "PT4M")),
                ops.isBlank() ? null : Pattern.compile(ops),
                Path.of(setting(
                        "fuzz.reportDir", System.getProperty("sharedict.root", "..") + "/api-fuzz-tests/target")),
                setting("fuzz.baseUrl", ""),
                setting("fuzz.adminPassword", ""),
                dbs.isBlank() ? List.of() : List.of(dbs.split("\\s*,\\s*")),
                logs.isBlank() ? null : Path.of(logs));
    }

    boolean chosen(ApiSpec.Operation op) {
        return operations == null || operations.matcher(op.key()).find();
    }

    private static String setting(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(
                    name.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
