package org.sharedict.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sharedict.testing.FreePorts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's migration step and probes, black-box on the packaged services: each service's jar
 * (target/quarkus-app, what the image copies) is started twice with the environment the Helm chart
 * gives its pod, the database pointed at the test MariaDB: first as the "migrate" init container
 * (QUARKUS_INIT_AND_EXIT), which must migrate and exit 0 without serving, then as the service, whose
 * startup, readiness and liveness endpoints must answer 200. Kubernetes itself is not involved.
 */
class MigrationInitStepIT {

    static final String SERVER = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
    static final String DB_USER = System.getenv().getOrDefault("DB_USER", "root");
    static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
    static final Duration START_BOUND = Duration.ofSeconds(120);

    static Rendered chart;
    static Path keys;

    final List<String> databases = new ArrayList<>();
    final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void renderAndMakeKeys(@TempDir Path dir) throws Exception {
        chart = Helm.template();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        keys = dir;
        Files.writeString(
                dir.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(
                dir.resolve("privateKey.pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    @AfterEach
    void stopAndDrop() throws SQLException {
        for (Process p : started) {
            p.destroyForcibly();
        }
        try (Connection c = root();
                Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"skills-service", "rota-service", "dr-planner", "gateway"})
    void theInitContainerMigratesAndExitsThenTheServiceAnswersItsProbes(String service) throws Exception {
        String db = freshDatabase(service);
        JsonNode pod = chart.deployment(service).path("spec").path("template").path("spec");
        int port = FreePorts.outsideTheEphemeralRange();

        Process migrate = start(
                service, "migrate", podEnvironment(pod.path("initContainers").get(0), db, port));
        assertTrue(
                migrate.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS), service + ": the init step did not exit");
        String initLog = log(service, "migrate");
        assertEquals(0, migrate.exitValue(), service + " init step failed:\n" + tail(initLog));
        assertFalse(initLog.contains("Listening on"), service + ": the init step must not start serving");
        List<String> versions = appliedMigrations(db);
        assertFalse(versions.isEmpty(), service + ": nothing migrated");

        Process app =
                start(service, "app", podEnvironment(pod.path("containers").get(0), db, port));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JsonNode main = pod.path("containers").get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = main.path(probe).path("httpGet").path("path").asText();
            await(service + " " + probe + " " + path)
                    .atMost(START_BOUND)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        assertTrue(app.isAlive(), service + " stopped:\n" + tail(log(service, "app")));
                        return status(http, port, path) == 200;
                    });
        }
        assertEquals(versions, appliedMigrations(db), service + ": the service itself migrated nothing more");

        // What the chart's alert rules and dashboard read must be what the services expose: one API
        // answer first (a 401 is enough), so the HTTP server's series exist.
        status(http, port, "/api/partners");
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), service + " /q/metrics");
        EXPOSED.addAll(MonitoringNames.exposed(metrics.body()));
    }

    /** Metric names exposed by the services started above (all four, once the parameterized test ran). */
    static final Set<String> EXPOSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.AfterAll
    static void everyMetricTheAlertRulesAndTheDashboardReadIsExposed() {
        Set<String> missing = new java.util.TreeSet<>(MonitoringNames.named());
        missing.removeAll(EXPOSED);
        assertTrue(
                missing.isEmpty(),
                "named by helm/files/alert-rules.yaml or dashboard.json, exposed by no service: " + missing);
    }

    @Test
    void twoReplicasMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        String service = "skills-service";
        String db = freshDatabase(service);
        JsonNode init = chart.deployment(service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("initContainers")
                .get(0);
        Process first = start(service, "migrate-1", podEnvironment(init, db, FreePorts.outsideTheEphemeralRange()));
        Process second = start(service, "migrate-2", podEnvironment(init, db, FreePorts.outsideTheEphemeralRange()));
        assertTrue(first.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS));
        assertTrue(second.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), tail(log(service, "migrate-1")));
        assertEquals(0, second.exitValue(), tail(log(service, "migrate-2")));
        List<String> versions = appliedMigrations(db);
        assertEquals(new HashSet<>(versions).size(), versions.size(), "a migration applied twice: " + versions);
    }

    @Test
    void aServiceRefusesToStartOnADatabaseItsMigrationsHaveNotReached() throws Exception {
        String service = "skills-service";
        String db = freshDatabase(service);
        JsonNode main = chart.deployment(service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        Process app = start(service, "unmigrated", podEnvironment(main, db, FreePorts.outsideTheEphemeralRange()));
        assertTrue(
                app.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS), "it must stop, not serve an unmigrated schema");
        assertNotEquals(0, app.exitValue());
        assertTrue(
                log(service, "unmigrated").contains("FlywayValidateException"),
                "refused by Flyway's validation:\n" + tail(log(service, "unmigrated")));
        assertTrue(appliedMigrations(db).isEmpty(), "only the init step migrates");
    }

    /** The container's environment as the chart renders it, with what only a cluster has replaced. */
    private Map<String, String> podEnvironment(JsonNode container, String database, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> secret = chart.secretData("demo-sharedict");
        chart.environment(container)
                .forEach((k, v) -> env.put(
                        k,
                        v.startsWith("secret:demo-sharedict/")
                                ? secret.get(v.substring("secret:demo-sharedict/".length()))
                                : v));
        assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:mariadb://demo-sharedict-mariadb:3306/"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SERVER + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
        for (String key : List.of("JWT_PUBLIC_KEY_LOCATION", "JWT_PRIVATE_KEY_LOCATION")) {
            if (env.containsKey(key)) {
                env.put(key, keys.resolve(Path.of(env.get(key)).getFileName()).toString());
            }
        }
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return env;
    }

    private Process start(String service, String name, Map<String, String> env) throws IOException {
        Path jar = Repo.path(service + "/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " (run through the reactor, e.g. ./mvnw verify)");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path logFile = logPath(service, name);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(Repo.path("deploy-tests/target").toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        // Only what a container would have: the chart's variables, nothing from this machine.
        Map<String, String> processEnv = pb.environment();
        String path = processEnv.get("PATH");
        processEnv.clear();
        processEnv.put("PATH", path == null ? "/usr/bin:/bin" : path);
        processEnv.putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static Path logPath(String service, String name) {
        return Repo.path("deploy-tests/target/it-logs/" + service + "-" + name + ".log");
    }

    private static String log(String service, String name) throws IOException {
        return Files.readString(logPath(service, name), StandardCharsets.UTF_8);
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    private String freshDatabase(String service) throws SQLException {
        String db = "zz_deploy_" + service.replace('-', '_') + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = root();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        databases.add(db);
        return db;
    }

    private static List<String> appliedMigrations(String db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = root();
                Statement s = c.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SHOW TABLES FROM `" + db + "`")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.contains("flyway_schema_history")) {
                return versions;
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT version, success FROM `" + db + "`.flyway_schema_history ORDER BY installed_rank")) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean(2), "failed migration " + rs.getString(1));
                    versions.add(rs.getString(1));
                }
            }
        }
        return versions;
    }

    private static int status(HttpClient http, int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Connection root() throws SQLException {
        return DriverManager.getConnection(SERVER + "/", DB_USER, DB_PASSWORD);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
