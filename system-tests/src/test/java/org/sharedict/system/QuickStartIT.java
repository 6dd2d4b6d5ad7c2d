package org.sharedict.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.FreePorts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's quick start as a newcomer meets it: the real {@code ./run.sh} (packaged services,
 * embedded MariaDB in a fresh data folder, the local mail catcher and SMS/Teams stand-in, the demo
 * data), until it prints that the platform is running; then the demo sign-in works and the stories'
 * data is there; then Ctrl-C stops everything. Only the build is skipped (the reactor built it).
 */
class QuickStartIT {

    private static final List<String> PORTS =
            List.of("GATEWAY_PORT", "SKILLS_PORT", "ROTA_PORT", "DR_PORT", "LOCAL_DB_PORT", "SMTP_PORT", "PAGING_PORT");

    @Test
    void runShStartsThePlatformWithItsDemoDataAndCtrlCStopsIt() throws Exception {
        Path root = Path.of(System.getProperty("sharedict.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = root.resolve("system-tests/target/quick-start");
        deleteTree(data);
        Files.createDirectories(data);
        Path log = data.resolve("run.log");

        Map<String, String> ports = FreePorts.forSettings(PORTS);
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash", "run.sh")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        List.of("GATEWAY_HOST", "GATEWAY_URL", "DB_URL", "SMTP_HOST", "NO_DEMO_DATA", "NOTIFY_API_KEY")
                .forEach(env::remove);
        env.putAll(ports);
        env.put("DATA_DIR", data.toString());
        env.put("SKIP_BUILD", "1");
        Process run = builder.start();
        try {
            await().atMost(Duration.ofMinutes(6))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        String output = Files.readString(log);
                        assertTrue(run.isAlive(), "run.sh ended before the platform ran:\n" + output);
                        return output.contains("Shared ICT Support platform is running.");
                    });
            String output = Files.readString(log);
            assertTrue(output.contains("people on call have a verified mobile and Teams channel"), output);
            assertTrue(output.contains("Demo sign-in:  admin / admin"), output);

            String gateway = "http://localhost:" + ports.get("GATEWAY_PORT");
            String token = given().baseUri(gateway)
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", "admin", "password", "admin"))
                    .post("/api/auth/login")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("accessToken");
            JsonPath rotas = given().baseUri(gateway)
                    .auth()
                    .oauth2(token)
                    .get("/api/rotas")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(2, rotas.getInt("totalItems"), rotas.prettify());
            JsonPath partners = given().baseUri(gateway)
                    .auth()
                    .oauth2(token)
                    .get("/api/partners")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(11, partners.getInt("totalItems"), partners.prettify());
            given().baseUri(gateway).get("/").then().statusCode(200).contentType(ContentType.HTML);

            List<ProcessHandle> started = run.descendants().toList();
            assertEquals(
                    0,
                    new ProcessBuilder("kill", "-INT", String.valueOf(run.pid()))
                            .start()
                            .waitFor());
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run.sh did not stop on Ctrl-C");
            assertEquals(0, run.exitValue(), Files.readString(log));
            await().atMost(Duration.ofSeconds(60)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
