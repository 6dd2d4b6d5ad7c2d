package org.sharedict.localrun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sharedict.testing.FreePorts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real ./run.sh, run from a copy of the checkout in which each service's quarkus-run.jar is a
 * {@link StandInService} and DB_URL/SMTP_HOST point elsewhere: what is tested is the script itself
 * (where it has things listen, its messages, Ctrl-C stopping everything), in seconds.
 */
class RunScriptTest {

    private static final List<String> SERVICES = List.of("skills-service", "rota-service", "dr-planner", "gateway");
    private static final List<String> PORT_SETTINGS =
            List.of("GATEWAY_PORT", "SKILLS_PORT", "ROTA_PORT", "DR_PORT", "LOCAL_DB_PORT", "SMTP_PORT", "PAGING_PORT");
    /** The JVM and pool sizes run.sh shares with the image, compose and the chart. */
    private static final String JVM_ENV = "helm/files/jvm.env";

    @TempDir
    Path tmp;

    Path checkout;

    @BeforeEach
    void copyTheCheckoutWithStandInServices() throws Exception {
        checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout);
        Path script = Files.copy(Path.of("..", "run.sh").toAbsolutePath().normalize(), checkout.resolve("run.sh"));
        assertTrue(Files.readString(script).contains("LocalDatabase"), "not the platform's run.sh: " + script);
        Files.createDirectories(checkout.resolve("helm/files"));
        Files.copy(Path.of("..", JVM_ENV).toAbsolutePath().normalize(), checkout.resolve(JVM_ENV));
        for (String service : SERVICES) {
            jar(
                    checkout.resolve(service + "/target/quarkus-app/quarkus-run.jar"),
                    StandInService.class.getName(),
                    classesOf(StandInService.class));
        }
        jar(checkout.resolve("local-run/target/local-run.jar"), null, classesOf(LocalKeys.class));
        // The local stand-ins' own libraries (LocalPaging reads JSON with Jackson), as run.sh finds them.
        Path lib = Files.createDirectories(checkout.resolve("local-run/target/lib"));
        for (Class<?> type : List.of(
                com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.annotation.JsonProperty.class)) {
            Path jar = classesOf(type);
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
    }

    @Test
    void everyPortInUseIsNamedWithTheSettingThatMovesItBeforeAnythingStarts() throws Exception {
        for (String setting : PORT_SETTINGS) {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                // Neither DB_URL nor SMTP_HOST: every port is checked.
                Map<String, String> env = freePorts();
                env.put(setting, String.valueOf(taken.getLocalPort()));
                Path log = tmp.resolve(setting + ".log");
                Process run = start(env, log);
                try {
                    assertTrue(run.waitFor(60, TimeUnit.SECONDS), setting + ": run.sh went on with the port in use");
                    String output = Files.readString(log);
                    assertEquals(1, run.exitValue(), output);
                    assertTrue(output.contains("port " + taken.getLocalPort() + " "), output);
                    assertTrue(output.contains("set " + setting), setting + ": " + output);
                } finally {
                    stopAll(run);
                }
            }
        }
    }

    @Test
    void theServicesListenOnLoopbackOnlyAndCtrlCStopsEverything() throws Exception {
        Map<String, String> env = withStandIns(freePorts());
        Process run = start(env, tmp.resolve("run.log"));
        try {
            awaitRunning(run, tmp.resolve("run.log"));
            for (String setting : List.of("GATEWAY_PORT", "SKILLS_PORT", "ROTA_PORT", "DR_PORT")) {
                assertEquals(Set.of("127.0.0.1"), Listening.addresses(Integer.parseInt(env.get(setting))), setting);
            }
            String output = Files.readString(tmp.resolve("run.log"));
            assertTrue(output.contains("Web and API:   http://localhost:" + env.get("GATEWAY_PORT") + "/"), output);
            assertTrue(output.contains("only this computer"), output);
            interruptAndAwaitEverythingStopped(run);
        } finally {
            stopAll(run);
        }
    }

    @Test
    void everyServiceGetsTheJvmAndPoolSizesOfTheSharedFileUnlessTheEnvironmentSetsThem() throws Exception {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(checkout.resolve(JVM_ENV))) {
            if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                sizes.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertTrue(
                sizes.keySet()
                        .containsAll(List.of("JAVA_OPTS", "SERVICE_MEMORY_LIMIT", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE")),
                sizes.toString());
        Map<String, String> env = withStandIns(freePorts());
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "3");
        Process run = start(env, tmp.resolve("run.log"));
        try {
            awaitRunning(run, tmp.resolve("run.log"));
            HttpClient http = HttpClient.newHttpClient();
            for (String setting : List.of("GATEWAY_PORT", "SKILLS_PORT", "ROTA_PORT", "DR_PORT")) {
                String jvm = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.get(setting) + "/jvm"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                List<String> lines = List.of(jvm.split("\n"));
                for (String option : sizes.get("JAVA_OPTS").split(" ")) {
                    assertTrue(lines.contains("arg " + option), setting + " lacks " + option + ": " + jvm);
                }
                // Outside a container the JVM is told the container's limit, so the heap share means the same.
                assertTrue(lines.contains("arg -XX:MaxRAM=" + sizes.get("SERVICE_MEMORY_LIMIT")), setting + ": " + jvm);
                sizes.forEach((key, value) -> {
                    String expected = key.equals("QUARKUS_DATASOURCE_JDBC_MAX_SIZE") ? "3" : value;
                    assertTrue(
                            lines.contains("env " + key + "=" + expected), setting + " lacks " + key + "=" + expected);
                });
            }
            interruptAndAwaitEverythingStopped(run);
        } finally {
            stopAll(run);
        }
    }

    @Test
    void gatewayHostOpensTheGatewayAloneToTheNetwork() throws Exception {
        Map<String, String> env = withStandIns(freePorts());
        env.put("GATEWAY_HOST", "0.0.0.0");
        Process run = start(env, tmp.resolve("run.log"));
        try {
            awaitRunning(run, tmp.resolve("run.log"));
            Set<String> gateway = Listening.addresses(Integer.parseInt(env.get("GATEWAY_PORT")));
            assertTrue(Set.of(Set.of("0.0.0.0"), Set.of("::")).contains(gateway), "all addresses, but " + gateway);
            for (String setting : List.of("SKILLS_PORT", "ROTA_PORT", "DR_PORT")) {
                assertEquals(Set.of("127.0.0.1"), Listening.addresses(Integer.parseInt(env.get(setting))), setting);
            }
            assertTrue(Files.readString(tmp.resolve("run.log")).contains("your network too"));
            interruptAndAwaitEverythingStopped(run);
        } finally {
            stopAll(run);
        }
    }

    @Test
    void aSecondRunOnTheSameDataDirIsRefusedBeforeItTouchesTheFirstOnesFiles() throws Exception {
        Process first = start(withStandIns(freePorts()), tmp.resolve("first.log"));
        try {
            awaitRunning(first, tmp.resolve("first.log"));
            Path secondLog = tmp.resolve("second.log");
            Process second = start(withStandIns(freePorts()), secondLog);
            try {
                assertTrue(second.waitFor(60, TimeUnit.SECONDS), "a second run.sh started on the same DATA_DIR");
                String output = Files.readString(secondLog);
                assertEquals(1, second.exitValue(), output);
                assertTrue(output.contains("another ./run.sh is already using " + tmp.resolve("data")), output);
                assertTrue(first.isAlive());
            } finally {
                stopAll(second);
            }
            interruptAndAwaitEverythingStopped(first);
        } finally {
            stopAll(first);
        }
    }

    /**
     * run.sh as a terminal starts it: with Ctrl-C's SIGINT at its default. A build started in the
     * background by a non-interactive shell (nohup ... &) hands every child SIGINT ignored, and bash
     * cannot trap a signal ignored at entry; GNU env puts it back (elsewhere the script runs as it is).
     */
    private static List<String> asFromATerminal(String script) {
        try {
            if (new ProcessBuilder("env", "--default-signal=INT", "true")
                            .start()
                            .waitFor()
                    == 0) {
                return List.of("env", "--default-signal=INT", "bash", script);
            }
        } catch (IOException e) {
            // no env on the path: run it as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of("bash", script);
    }

    private Process start(Map<String, String> settings, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        asFromATerminal(checkout.resolve("run.sh").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        List.of("GATEWAY_HOST", "GATEWAY_URL", "DB_URL", "SMTP_HOST", "NO_DEMO_DATA")
                .forEach(env::remove);
        env.put("DATA_DIR", tmp.resolve("data").toString());
        env.put("SKIP_BUILD", "1");
        env.putAll(settings);
        return builder.start();
    }

    /** The stand-ins need no database, mail relay or demo data; the script only passes these on. */
    private static Map<String, String> withStandIns(Map<String, String> settings) {
        settings.put("DB_URL", "jdbc:mariadb://127.0.0.1:9");
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("NO_DEMO_DATA", "1");
        return settings;
    }

    private static void awaitRunning(Process run, Path log) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String output = Files.readString(log);
                    assertTrue(run.isAlive(), "run.sh ended: " + output);
                    return output.contains("Shared ICT Support platform is running.");
                });
    }

    private static void interruptAndAwaitEverythingStopped(Process run) throws Exception {
        List<ProcessHandle> children = run.descendants().toList();
        assertTrue(children.size() >= SERVICES.size(), "the services are not run.sh's children: " + children);
        // Ctrl-C: the terminal sends SIGINT to the script.
        assertEquals(
                0,
                new ProcessBuilder("kill", "-INT", String.valueOf(run.pid()))
                        .start()
                        .waitFor());
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run.sh did not stop on SIGINT");
        assertEquals(0, run.exitValue());
        await().atMost(Duration.ofSeconds(60)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static void stopAll(Process run) {
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
    }

    private static Map<String, String> freePorts() {
        return FreePorts.forSettings(PORT_SETTINGS);
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** An empty jar whose manifest points at a classes folder, so that java -jar and -cp both find them. */
    private static void jar(Path jar, String mainClass, Path classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        if (mainClass != null) {
            attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }
}
