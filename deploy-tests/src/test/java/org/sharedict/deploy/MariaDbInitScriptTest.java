package org.sharedict.deploy;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * helm/files/mariadb-initdb.sh, the first-start script of the compose and the bundled Helm MariaDB,
 * run for real against the test MariaDB server: sourced by bash as the official image's entrypoint
 * does, with the entrypoint's docker_process_sql standing in as a client call over TCP.
 */
class MariaDbInitScriptTest {

    static final String SERVER = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
    static final String ROOT_USER = System.getenv().getOrDefault("DB_USER", "root");
    static final String ROOT_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
    static final List<String> SERVICES = List.of("SKILLS", "ROTA", "DR", "GATEWAY");

    final String run = "zz_initdb_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropWhatTheScriptMade() throws SQLException {
        try (Connection c = root();
                Statement s = c.createStatement()) {
            for (String svc : SERVICES) {
                String name = run + "_" + svc.toLowerCase();
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }

    @Test
    void createsOneDatabaseAndUserPerServiceEachConfinedToItsOwn() throws SQLException {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("SKILLS", "it's a \\ \"pass\" word");
        passwords.put("ROTA", "r0ta$HOME`x`");
        passwords.put("DR", "dr'; DROP DATABASE mysql; --");
        passwords.put("GATEWAY", "gw pw");

        Tools.Result r = source(passwords);
        assertEquals(0, r.exitCode(), r.stderr());

        for (String svc : SERVICES) {
            String name = run + "_" + svc.toLowerCase();
            try (Connection c = connect(name, name, passwords.get(svc));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(10))");
                s.execute("INSERT INTO probe (note) VALUES ('ok')");
                try (ResultSet rs = s.executeQuery("SELECT @@character_set_database")) {
                    assertTrue(rs.next());
                    assertEquals("utf8mb4", rs.getString(1));
                }
                for (String other : SERVICES) {
                    if (!other.equals(svc)) {
                        String otherDb = run + "_" + other.toLowerCase();
                        assertThrows(
                                SQLException.class,
                                () -> s.executeQuery("SELECT 1 FROM `" + otherDb + "`.probe"),
                                svc + " must not read " + otherDb);
                    }
                }
            }
        }
        assertThrows(
                SQLException.class,
                () -> connect(run + "_skills", run + "_skills", "wrong").close());
        try (Connection c = root();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'mysql'")) {
            assertTrue(rs.next(), "a password is data, never SQL");
        }
    }

    @Test
    void refusesToRunWithoutEveryPasswordAndCreatesNothing() throws SQLException {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("SKILLS", "s");
        passwords.put("ROTA", "r");
        passwords.put("DR", "d");
        Tools.Result r = source(passwords);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("GATEWAY_DB_PASSWORD is not set"), r.stderr());
        try (Connection c = root();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + run + "%'")) {
            assertFalse(rs.next(), "nothing half-made");
        }
    }

    private Tools.Result source(Map<String, String> passwords) {
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        Map<String, String> env = new LinkedHashMap<>();
        for (String svc : SERVICES) {
            env.put(svc + "_DB_NAME", run + "_" + svc.toLowerCase());
            env.put(svc + "_DB_USER", run + "_" + svc.toLowerCase());
            if (passwords.containsKey(svc)) {
                env.put(svc + "_DB_PASSWORD", passwords.get(svc));
            }
        }
        env.put("TEST_HOST", server.getHost());
        env.put("TEST_PORT", String.valueOf(server.getPort() < 0 ? 3306 : server.getPort()));
        env.put("TEST_USER", ROOT_USER);
        env.put("MYSQL_PWD", ROOT_PASSWORD);
        String client = "docker_process_sql() { \"$(command -v mariadb || command -v mysql)\" --protocol=tcp "
                + "-h\"$TEST_HOST\" -P\"$TEST_PORT\" -u\"$TEST_USER\" \"$@\"; }; "
                + "set -eo pipefail; source helm/files/mariadb-initdb.sh; echo sourced";
        return Tools.run(List.of("bash", "-c", client), env, 60);
    }

    private static Connection root() throws SQLException {
        return DriverManager.getConnection(SERVER + "/", ROOT_USER, ROOT_PASSWORD);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(SERVER + "/" + database, user, password);
    }
}
