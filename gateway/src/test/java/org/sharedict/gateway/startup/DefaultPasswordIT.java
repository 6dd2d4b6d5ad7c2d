package org.sharedict.gateway.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.FreePorts;
import org.sharedict.testing.TestKeys;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged gateway, started as a deployment would start it: outside ./run.sh it refuses to
 * start without an admin password or with a default one; under ./run.sh (SHAREDICT_LOCAL_RUN) it
 * seeds admin/admin for the demo.
 */
class DefaultPasswordIT {

    static final String SERVER = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
    static final String USER = System.getenv().getOrDefault("DB_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
    static final Duration BOUND = Duration.ofSeconds(90);

    final List<Process> started = new ArrayList<>();
    final List<String> databases = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        try (Connection c = DriverManager.getConnection(SERVER + "/", USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        }
    }

    @Test
    void withoutAnAdminPasswordADeploymentDoesNotStart() throws Exception {
        Process p = start("no-password", Map.of());
        assertTrue(p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "it must stop");
        assertTrue(p.exitValue() != 0);
        assertTrue(log("no-password").contains("ADMIN_PASSWORD is not set"), log("no-password"));
    }

    @Test
    void withADefaultAdminPasswordADeploymentDoesNotStart() throws Exception {
        Process p = start("default-password", Map.of("ADMIN_PASSWORD", "admin"));
        assertTrue(p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "it must stop");
        assertTrue(p.exitValue() != 0);
        assertTrue(log("default-password").contains("ADMIN_PASSWORD must"), log("default-password"));
    }

    @Test
    void theLocalDemoSeedsAdminAdminAndAGivenPasswordIsUsedElsewhere() throws Exception {
        int port = FreePorts.outsideTheEphemeralRange();
        Process demo =
                start("local-run", Map.of("SHAREDICT_LOCAL_RUN", "true", "QUARKUS_HTTP_PORT", Integer.toString(port)));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertTrue(demo.isAlive(), log("local-run"));
                    return login(http, port, "admin", "admin") == 200;
                });
        assertEquals(401, login(http, port, "admin", "wrong-password"));
        demo.destroy();
        assertTrue(demo.waitFor(20, TimeUnit.SECONDS));

        // The same database outside ./run.sh: the admin still has the demo's password, so it refuses.
        Process deployed = start("after-demo", Map.of("ADMIN_PASSWORD", "a-long-proper-passphrase"), databases.get(0));
        assertTrue(deployed.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "it must stop");
        assertTrue(log("after-demo").contains("still has a default password"), log("after-demo"));

        // A hash stored before the gateway recorded whether it is a default: checked against the defaults once.
        try (Connection c = DriverManager.getConnection(SERVER + "/" + databases.get(0), USER, PASSWORD);
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE app_user SET password_is_default = NULL WHERE username = 'admin'"));
        }
        Process older = start("older-hash", Map.of("ADMIN_PASSWORD", "a-long-proper-passphrase"), databases.get(0));
        assertTrue(older.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), "it must stop");
        assertTrue(log("older-hash").contains("still has a default password"), log("older-hash"));

        int port2 = FreePorts.outsideTheEphemeralRange();
        Process fresh = start(
                "proper",
                Map.of("ADMIN_PASSWORD", "a-long-proper-passphrase", "QUARKUS_HTTP_PORT", Integer.toString(port2)));
        await().atMost(BOUND)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertTrue(fresh.isAlive(), log("proper"));
                    return login(http, port2, "admin", "a-long-proper-passphrase") == 200;
                });
        assertEquals(401, login(http, port2, "admin", "admin"));
    }

    private Process start(String name, Map<String, String> extra) throws Exception {
        String db = "zz_gateway_it_" + UUID.randomUUID().toString().substring(0, 8);
        databases.add(db);
        return start(name, extra, db);
    }

    private Process start(String name, Map<String, String> extra, String db) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "package the gateway first (mvn verify)");
        Path logFile = Path.of("target/it-logs/" + name + ".log");
        Files.createDirectories(logFile.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        Map<String, String> e = new LinkedHashMap<>();
        e.put("QUARKUS_DATASOURCE_JDBC_URL", SERVER + "/" + db + "?createDatabaseIfNotExist=true");
        e.put("QUARKUS_DATASOURCE_USERNAME", USER);
        e.put("QUARKUS_DATASOURCE_PASSWORD", PASSWORD);
        e.put("JWT_PUBLIC_KEY_LOCATION", TestKeys.publicKey().toString());
        e.put("JWT_PRIVATE_KEY_LOCATION", TestKeys.privateKey().toString());
        e.put("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.outsideTheEphemeralRange()));
        e.put("ACCESS_LOG", "false");
        e.putAll(extra);
        env.putAll(e);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static int login(HttpClient http, int port, String user, String password) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String log(String name) throws IOException {
        return Files.readString(Path.of("target/it-logs/" + name + ".log"), StandardCharsets.UTF_8);
    }
}
