package org.sharedict.dr.invocations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V3 on a database where racing requests had already opened several invocations of one plan: the
 * oldest stays open, the rest are closed saying why, and from then on the database refuses a
 * second open one. Runs Flyway itself on a scratch schema of the test MariaDB.
 */
class OneOpenInvocationMigrationTest {

    private static final String URL =
            Objects.requireNonNullElse(System.getenv("TEST_DB_URL"), "jdbc:mariadb://127.0.0.1:3306")
                    + "/dr_migration_test?createDatabaseIfNotExist=true";
    private static final String USER = Objects.requireNonNullElse(System.getenv("DB_USER"), "root");
    private static final String PASSWORD = Objects.requireNonNullElse(System.getenv("DB_PASSWORD"), "");

    private static Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .locations("classpath:db/common", "classpath:db/migration")
                .cleanDisabled(false)
                .target(target)
                .load();
    }

    private static void invocation(Statement s, long id, long plan, String status) throws SQLException {
        s.executeUpdate(
                "INSERT INTO dr_invocation (id, plan_id, partner, plan_name, plan_revision, reason, status, started_at, started_by,"
                        + " created_at, updated_at) VALUES (" + id + ", " + plan
                        + ", 'COL', 'COL plan', 1, 'Power cut', '" + status
                        + "', NOW(6), 'drlead-col', NOW(6), NOW(6))");
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void duplicatesLeftByRacesAreClosedAndASecondOpenInvocationIsRefused() throws SQLException {
        flyway("latest").clean();
        flyway("2").migrate();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO dr_template (id, code, name, created_at, updated_at) VALUES (1, 'T', 'T', NOW(6), NOW(6))");
            s.executeUpdate(
                    "INSERT INTO dr_template_version (id, template_id, number, status, content, activity_count, created_by,"
                            + " created_at, updated_at) VALUES (1, 1, 1, 'PUBLISHED', '{}', 0, 'admin', NOW(6), NOW(6))");
            for (long plan = 1; plan <= 2; plan++) {
                s.executeUpdate(
                        "INSERT INTO dr_plan (id, series, revision, partner, name, template_version_id, status, customisation,"
                                + " specifics, author, created_at, updated_at) VALUES (" + plan + ", 's" + plan
                                + "', 1, 'COL', 'COL plan', 1,"
                                + " 'APPROVED', '{}', '{}', 'drlead-col', NOW(6), NOW(6))");
            }
            invocation(s, 10, 1, "CLOSED");
            invocation(s, 11, 1, "OPEN");
            invocation(s, 12, 1, "OPEN");
            invocation(s, 13, 1, "OPEN");
            invocation(s, 20, 2, "OPEN");
        }

        flyway("latest").migrate();

        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            assertEquals(
                    List.of("11", "20"), column(s, "SELECT id FROM dr_invocation WHERE status = 'OPEN' ORDER BY id"));
            assertEquals(
                    List.of(
                            "Closed as a duplicate: invocation 11 of the same plan stays open",
                            "Closed as a duplicate: invocation 11 of the same plan stays open"),
                    column(s, "SELECT summary FROM dr_invocation WHERE id IN (12, 13) ORDER BY id"));
            assertEquals(
                    List.of("12", "13"),
                    column(
                            s,
                            "SELECT invocation_id FROM dr_invocation_event WHERE kind = 'CLOSED' ORDER BY invocation_id"));
            SQLException refused = assertThrows(SQLException.class, () -> invocation(s, 14, 1, "OPEN"));
            assertEquals(1062, refused.getErrorCode());
            assertTrue(refused.getMessage().contains("uq_dr_invocation_open"), refused.getMessage());
            invocation(s, 15, 1, "CLOSED");
            s.executeUpdate("UPDATE dr_invocation SET status = 'CLOSED' WHERE id = 11");
            invocation(s, 16, 1, "OPEN");
        } finally {
            flyway("latest").clean();
        }
    }
}
