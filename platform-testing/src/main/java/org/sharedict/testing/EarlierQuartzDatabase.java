package org.sharedict.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.flywaydb.core.Flyway;

/**
 * A service's database as a release before the shared Quartz migration left it: every migration
 * applied, the Quartz tables from the service's own copy of {@code V1__quartz.sql} (platform-common's
 * {@code db/quartz} file with the copy's own comment line, arg {@code comment}) in its
 * {@code db/migration}. The service under test then starts on it (a scratch database
 * {@code <database>_upgrade_test}, not cleaned at start), as an upgraded deployment does. Use it in a
 * {@link Profile}, with args {@code database}, {@code comment} and {@code differs} (whether a plain
 * Flyway refuses the earlier copy's checksum under the shared file: checked, so the test proves what
 * it says).
 */
public class EarlierQuartzDatabase implements QuarkusTestResourceLifecycleManager {

    /** The layout from platform-common's db/quartz move on. */
    public static final List<String> LOCATIONS =
            List.of("classpath:db/common", "classpath:db/quartz", "classpath:db/migration");

    /**
     * A test profile that starts the service on such a database: a service's test extends it with a
     * no-argument constructor naming the database, the copy's comment line and whether it differs.
     */
    public abstract static class Profile implements QuarkusTestProfile {

        private final Map<String, String> args;

        protected Profile(String database, String comment, boolean differs) {
            args = Map.of("database", database, "comment", comment, "differs", String.valueOf(differs));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EarlierQuartzDatabase.class, args));
        }
    }

    private String database;
    private String comment;
    private boolean differs;

    @Override
    public void init(Map<String, String> args) {
        database = args.get("database");
        comment = args.get("comment");
        differs = Boolean.parseBoolean(args.get("differs"));
    }

    @Override
    public Map<String, String> start() {
        String url = url(database);
        Path earlier = earlierCopy();
        Flyway before = flyway(url, "classpath:db/common", "filesystem:" + earlier, "classpath:db/migration");
        before.clean();
        before.migrate();
        if (flyway(url, LOCATIONS.toArray(String[]::new)).validateWithResult().validationSuccessful == differs) {
            throw new IllegalStateException("the earlier copy of V1__quartz.sql "
                    + (differs
                            ? "validates against the shared one, expected a different checksum"
                            : "differs from the shared one"));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.jdbc.url", url,
                "%test.quarkus.flyway.clean-at-start", "false");
    }

    /** The scratch database's URL on the test MariaDB ({@code TEST_DB_URL}, as every test uses). */
    public static String url(String database) {
        String server = System.getenv()
                .getOrDefault("TEST_DB_URL", System.getProperty("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306"));
        return server + "/" + database + "_upgrade_test?createDatabaseIfNotExist=true";
    }

    /** A plain Flyway on {@code url}, none of the service's customisations. */
    public static Flyway flyway(String url, String... locations) {
        return Flyway.configure()
                .dataSource(
                        url,
                        System.getenv().getOrDefault("DB_USER", "root"),
                        System.getenv().getOrDefault("DB_PASSWORD", ""))
                .locations(locations)
                .cleanDisabled(false)
                .load();
    }

    /**
     * After the service started on the earlier database: one V1 row in its history, whose checksum is
     * now the shared migration's (a plain Flyway with the new layout validates it).
     */
    public static void assertCarriedOver(String database) {
        long rows = count(
                database,
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND script = 'V1__quartz.sql'");
        if (rows != 1) {
            throw new AssertionError("expected one V1__quartz.sql in the history, found " + rows);
        }
        if (!flyway(url(database), LOCATIONS.toArray(String[]::new)).validateWithResult().validationSuccessful) {
            throw new AssertionError("the history does not validate against the shared db/quartz migration");
        }
    }

    /** The number a {@code SELECT COUNT(*)} answers on the scratch database. */
    public static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(
                        url(database),
                        System.getenv().getOrDefault("DB_USER", "root"),
                        System.getenv().getOrDefault("DB_PASSWORD", ""));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Path earlierCopy() {
        try (InputStream shared =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("db/quartz/V1__quartz.sql")) {
            if (shared == null) {
                throw new IllegalStateException("platform-common's db/quartz/V1__quartz.sql is not on the class path");
            }
            String[] lines = new String(shared.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            lines[1] = comment;
            Path dir = Files.createTempDirectory("earlier-quartz");
            Files.writeString(dir.resolve("V1__quartz.sql"), String.join("\n", Arrays.asList(lines)));
            dir.toFile().deleteOnExit();
            dir.resolve("V1__quartz.sql").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
