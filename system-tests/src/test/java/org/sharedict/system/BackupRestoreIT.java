package org.sharedict.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented backup and restore (docs/OPERATIONS.md, "Backups"), with the very scripts the Helm
 * CronJob and Compose's backup profile run: dump every database while the platform serves, stop
 * skills-service, drop its database, restore it from the dump, start it again, and it serves what it
 * served at the backup: the partner made before is back, the one made after is gone.
 */
@ExtendWith(PlatformExtension.class)
class BackupRestoreIT {

    @Test
    void aDumpTakenWhileServingRestoresTheDataAfterTheDatabaseIsDropped(Platform platform) throws Exception {
        RestAssured.baseURI = platform.gateway().toString();
        String admin =
                PartnershipStoryIT.login("admin", platform.adminPassword()).getString("accessToken");
        PartnershipStoryIT.as(admin)
                .body(Map.of("code", "BKP", "name", "Backed-up Borough Council", "type", "BOROUGH_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        String before = partner(admin, "BKP");

        Path backups = Path.of("target/backups").toAbsolutePath();
        deleteTree(backups);
        List<String> databases =
                Platform.SERVICES.stream().map(platform::databaseName).toList();
        String out = script(
                "backup.sh",
                platform,
                Map.of(
                        "DATABASES",
                        String.join(" ", databases),
                        "BACKUP_DIR",
                        backups.toString(),
                        "RETENTION_DAYS",
                        "14"));
        Path backup;
        try (Stream<Path> made = Files.list(backups)) {
            backup = made.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(out));
        }
        assertTrue(Files.isRegularFile(backup.resolve("COMPLETE")), out);
        for (String db : databases) {
            assertTrue(Files.size(backup.resolve(db + ".sql.gz")) > 0, db + " dumped: " + out);
        }

        // A write after the backup, which the restore must take away.
        PartnershipStoryIT.as(admin)
                .body(Map.of("code", "BKQ", "name", "After-the-backup Council", "type", "BOROUGH_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);

        platform.stop("skills-service");
        String skills = platform.databaseName("skills-service");
        try (var c = platform.database("gateway");
                var s = c.createStatement()) {
            s.execute("DROP DATABASE `" + skills + "`");
        }
        script("restore.sh", platform, Map.of("DATABASES", skills), backup.toString());
        platform.startAgain("skills-service");

        assertEquals(before, partner(admin, "BKP"), "the partner made before the backup is served as it was");
        PartnershipStoryIT.as(admin).get("/api/partners/BKQ").then().statusCode(404);
    }

    private static String partner(String token, String code) {
        return given().auth()
                .oauth2(token)
                .accept(ContentType.JSON)
                .get("/api/partners/" + code)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String script(String name, Platform platform, Map<String, String> settings, String... args)
            throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("sharedict.root", ".."), "helm/files", name);
        Map<String, String> db = platform.databaseServer();
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("bash", script.toString()), Stream.of(args))
                        .toList())
                .redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "DB_HOST",
                        db.get("host"),
                        "DB_PORT",
                        db.get("port"),
                        "DB_USER",
                        db.get("user"),
                        "DB_PASSWORD",
                        db.get("password")));
        pb.environment().putAll(settings);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " finished");
        assertEquals(0, p.exitValue(), name + ":\n" + out);
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
