package org.sharedict.fuzz;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.sharedict.system.Platform;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation of the gateway's merged OpenAPI, sent generated malformed and boundary input
 * against the whole platform (the system-tests harness: four packaged services, MariaDB, the
 * gateway in front). One dynamic test per operation fails on its findings when {@code fuzz.enforce}
 * is true (the default); the report goes to {@code api-fuzz-tests/target/fuzz-report.md} either way.
 * README.md says what is checked and how to reproduce a finding.
 */
class ApiFuzzIT {

    private static final FuzzSettings SETTINGS = FuzzSettings.load();
    private static final Report REPORT = new Report();
    private static Platform platform;
    private static DatabaseWatch database;
    private static ApiSpec spec;
    private static Fuzzer fuzzer;
    private static final Map<String, Path> LOGS = new LinkedHashMap<>();

    @BeforeAll
    static void startSeedAndReadTheContract() throws Exception {
        URI gateway;
        String adminPassword;
        String tag;
        List<String> databases = new ArrayList<>();
        Connection connection = null;
        if (SETTINGS.baseUrl().isBlank()) {
            // Thousands of requests from one address in a few minutes: the gateway's rate limits are not under test
            // here.
            platform = new Platform("api-fuzz-tests/target/platform")
                    .environment("gateway", "GATEWAY_RATE_LIMIT_ENABLED", "false")
                    .start();
            gateway = platform.gateway();
            adminPassword = platform.adminPassword();
            tag = "";
            for (String s : Platform.SERVICES) {
                try (Connection c = platform.database(s)) {
                    databases.add(c.getCatalog());
                }
                LOGS.put(s, platform.logFile(s));
            }
            connection = platform.database("gateway");
        } else {
            gateway = URI.create(SETTINGS.baseUrl());
            adminPassword = SETTINGS.adminPassword();
            tag = Integer.toString(new Random().nextInt(36 * 36 * 36), 36).toUpperCase();
            databases.addAll(SETTINGS.databases());
            if (!databases.isEmpty()) {
                connection = DriverManager.getConnection(
                        System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306") + "/",
                        System.getenv().getOrDefault("DB_USER", "root"),
                        System.getenv().getOrDefault("DB_PASSWORD", ""));
            }
            if (SETTINGS.logDir() != null) {
                Platform.SERVICES.forEach(s -> LOGS.put(s, SETTINGS.logDir().resolve(s + ".log")));
            }
        }
        Client client = new Client(gateway);
        Answer openapi = wholeContract(client);
        spec = new ApiSpec(Client.JSON.readTree(openapi.body()));
        Fixtures fixtures = new Fixtures(client, adminPassword, tag).seed();
        if (connection != null) {
            database = new DatabaseWatch(connection, databases);
            database.learnVolatileTables(databases, Duration.ofSeconds(3));
            // The write check is only worth something if it sees a write: one it must see.
            Map<String, String> before = database.fingerprint();
            client.call(
                    "POST",
                    "/api/skills/categories",
                    Map.of("code", "FZWATCH" + tag, "name", "Seen by the watch"),
                    fixtures.token(Fixtures.Actor.ADMIN),
                    201);
            if (DatabaseWatch.changed(before, database.fingerprint()).isEmpty()) {
                throw new IllegalStateException(
                        "the database watch did not see a skill category being made: it would miss writes");
            }
            if (!database.volatileTables().isEmpty()) {
                REPORT.note("tables that changed with no request (left out of the write check): "
                        + database.volatileTables());
            }
        } else {
            REPORT.note("no databases to watch: writes by rejected requests were not checked");
        }
        REPORT.setting("platform", SETTINGS.baseUrl().isBlank() ? "started by the system-tests harness" : gateway);
        REPORT.setting("OpenAPI", spec.version() + ", " + spec.operations().size() + " operations");
        REPORT.setting("seed (fuzz.seed)", SETTINGS.seed());
        REPORT.setting("cases per operation (fuzz.cases)", SETTINGS.cases());
        REPORT.setting("budget (fuzz.budget)", SETTINGS.budget());
        REPORT.setting(
                "operations (fuzz.operations)",
                SETTINGS.operations() == null ? "all" : SETTINGS.operations().pattern());
        REPORT.setting("enforce (fuzz.enforce)", SETTINGS.enforce());
        REPORT.setting("databases watched", databases.isEmpty() ? "none" : String.join(", ", databases));
        fuzzer = new Fuzzer(
                spec, client, fixtures, new ResponseValidator(openapi.text()), database, REPORT, SETTINGS.seed());
    }

    /**
     * The merged document with every service in it: the gateway leaves out (for a few seconds) a
     * service whose /q/openapi did not answer in time, which a busy machine just after start can see.
     */
    private static Answer wholeContract(Client client) {
        AtomicReference<Answer> last = new AtomicReference<>();
        List<String> partial = new ArrayList<>();
        Awaitility.await("a merged OpenAPI with every service in it")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Answer a = client.send(Request.of("GET", "/q/openapi?format=json"), null, null);
                    last.set(a);
                    if (a.status() != 200) {
                        partial.add("answered " + a.status());
                        return false;
                    }
                    List<String> missing = new ArrayList<>();
                    Client.JSON.readTree(a.body()).path("x-sharedict-services").forEach(service -> {
                        if (!service.path("included").asBoolean()) {
                            missing.add(service.path("name").asText() + " ("
                                    + service.path("reason").asText() + ")");
                        }
                    });
                    if (!missing.isEmpty()) {
                        partial.add("without " + String.join(", ", missing));
                    }
                    return missing.isEmpty();
                });
        if (!partial.isEmpty()) {
            REPORT.note("GET /q/openapi answered a partial document " + partial.size() + " times before the whole one: "
                    + partial);
        }
        return last.get();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadInputByTheContract() {
        List<ApiSpec.Operation> operations = spec.operations().stream()
                .filter(SETTINGS::chosen)
                .sorted(ORDER)
                .toList();
        long deadline = System.nanoTime() + SETTINGS.budget().toNanos();
        REPORT.started();
        Stream<DynamicTest> each = operations.stream()
                .map(op -> DynamicTest.dynamicTest(op.key(), () -> {
                    boolean overBudget = System.nanoTime() > deadline;
                    if (overBudget) {
                        REPORT.note(op.key() + " was fuzzed after the budget ran out: only its first cases were sent");
                    }
                    List<Finding> findings = fuzzer.fuzz(
                            op,
                            operations.indexOf(op),
                            overBudget ? FuzzSettings.CASES_AFTER_BUDGET : SETTINGS.cases(),
                            overBudget);
                    if (SETTINGS.enforce() && !findings.isEmpty()) {
                        fail(findings.size() + " findings (the report, when the run ends: "
                                + SETTINGS.reportDir()
                                        .resolve("fuzz-report.md")
                                        .toAbsolutePath()
                                        .normalize() + "; -Dfuzz.enforce=false to report only):\n" + list(findings));
                    }
                }));
        Stream<DynamicTest> logs =
                Stream.of(DynamicTest.dynamicTest("no service logged an ERROR for a fuzzed request", () -> {
                    List<Finding> errors = REPORT.scanLogs(LOGS);
                    if (SETTINGS.enforce() && !errors.isEmpty()) {
                        fail(errors.size() + " requests made a service log an ERROR:\n" + list(errors));
                    }
                }));
        return Stream.concat(each, logs);
    }

    @AfterAll
    static void reportAndStop() throws Exception {
        try {
            if (spec != null) {
                Path file = REPORT.write(SETTINGS.reportDir());
                System.out.println("API fuzzing: " + file + "\n" + REPORT.summary());
            }
        } finally {
            if (database != null) {
                database.close();
            }
            if (platform != null) {
                platform.close();
            }
        }
    }

    /**
     * By path, reads before writes; then what ends a record's life (closing an invocation, resolving
     * an incident), so the other operations meet it open; deletions last, the deepest paths first,
     * so a record is deleted after what hangs off it.
     */
    private static final Comparator<ApiSpec.Operation> ORDER = Comparator.comparing((ApiSpec.Operation op) ->
                    op.method().equals("DELETE") ? 2 : op.path().matches(".*/(close|resolve)") ? 1 : 0)
            .thenComparing(op -> op.method().equals("DELETE") ? -op.path().split("/").length : 0)
            .thenComparing(ApiSpec.Operation::path)
            .thenComparing(op -> List.of("GET", "POST", "PUT", "PATCH").indexOf(op.method()));

    private static String list(List<Finding> findings) {
        return findings.stream()
                .map(f -> "  " + f.kind().title + ": " + f.place()
                        + (f.place().contains(f.detail()) ? "" : " → " + Fuzzer.shorten(f.detail(), 200)))
                .distinct()
                .limit(40)
                .collect(Collectors.joining("\n"));
    }
}
