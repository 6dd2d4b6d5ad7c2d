package org.sharedict.system.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.sharedict.testing.FreePorts;

/** The packaged rota-service (rota-service/target/quarkus-app/quarkus-run.jar) as a separate process, as production runs it. */
final class RotaProcess {

    final String name;
    final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    RotaProcess(String name, Map<String, String> env, Path logDir) throws IOException {
        this.name = name;
        this.port = FreePorts.outsideTheEphemeralRange();
        this.env = env;
        Files.createDirectories(logDir);
        this.log = logDir.resolve(name + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws Exception {
        Path jar = Path.of(System.getProperty("sharedict.root", ".."))
                .resolve("rota-service/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar.toAbsolutePath() + " is missing: run the packaged build (mvn verify) first");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1"));
        // As in the %test profile: on a busy build machine the WireMock skills-service's first answers
        // can take seconds, and a slow stub must not look like a dead one (a 503 to creating a policy).
        for (String call : List.of("person", "partner", "managers")) {
            cmd.add("-Dquarkus.fault-tolerance.\"org.sharedict.rota.people.PeopleDirectory/" + call
                    + "\".timeout.value=20000");
        }
        cmd.add("-Dquarkus.rest-client.skills.read-timeout=20000");
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = pb.start();
        waitReady(Duration.ofSeconds(90));
    }

    private void waitReady(Duration within) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " did not become ready; see " + log.toAbsolutePath());
    }

    /** A crash: the process is killed without a chance to finish anything. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A normal stop (SIGTERM): Quarkus shuts down the scheduler. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    File logFile() {
        return log.toFile();
    }
}
