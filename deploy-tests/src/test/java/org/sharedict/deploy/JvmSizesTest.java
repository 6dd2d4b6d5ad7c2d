package org.sharedict.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.deploy.Rendered.SERVICES;

/**
 * The JVM and pool sizes are set in one file, helm/files/jvm.env, and compose, the image and the
 * chart all take them from it (./run.sh too: local-run's RunScriptTest): nothing sets them a second
 * time, and the memory limit the heap is a share of is the same everywhere.
 */
class JvmSizesTest {

    static final String FILE = "helm/files/jvm.env";
    static final Map<String, String> SIZES = sizes();

    private static Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (String line : Repo.read(FILE).split("\n")) {
            if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                sizes.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return sizes;
    }

    /** "384m" or "384Mi" (both binary) in MiB. */
    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(m|Mi|g|Gi)").matcher(quantity);
        assertTrue(m.matches(), quantity);
        long n = Long.parseLong(m.group(1));
        return m.group(2).startsWith("g") || m.group(2).startsWith("G") ? n * 1024 : n;
    }

    @Test
    void theHeapIsAShareOfTheContainerWithTheSerialCollector() {
        String options = SIZES.get("JAVA_OPTS");
        assertTrue(options.contains("-XX:MaxRAMPercentage="), options);
        assertTrue(options.contains("-XX:+UseSerialGC"), options);
        assertFalse(options.contains("-Xmx"), "a fixed heap would not follow the container's limit: " + options);
        for (String pool :
                List.of("QUARKUS_THREAD_POOL_MAX_THREADS", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "ROTA_QUARTZ_THREADS")) {
            assertTrue(SIZES.get(pool).matches("[1-9][0-9]*"), pool + "=" + SIZES.get(pool));
        }
        mebibytes(SIZES.get("SERVICE_MEMORY_LIMIT"));
    }

    @Test
    void composeReadsTheFileAndLimitsEachServiceToItsMemory() {
        JsonNode compose = Compose.toJson(Compose.load(ComposeFileTest.FILE));
        for (String service : SERVICES) {
            JsonNode s = compose.path("services").path(service);
            List<String> envFiles = Rendered.texts(s.path("env_file"));
            assertEquals(List.of("./" + FILE), envFiles, service);
            assertTrue(Files.isRegularFile(Repo.path(FILE)));
            assertEquals(
                    mebibytes(SIZES.get("SERVICE_MEMORY_LIMIT")),
                    mebibytes(s.path("mem_limit").asText()),
                    service + "'s mem_limit is the file's SERVICE_MEMORY_LIMIT");
            for (String key : SIZES.keySet()) {
                assertTrue(
                        s.path("environment").path(key).isMissingNode(),
                        service + " sets " + key + " again in docker-compose.yml");
            }
        }
    }

    @Test
    void theChartPutsTheFileInEveryPodAndLimitsEachServiceToItsMemory() {
        for (Rendered r : List.of(Helm.template(), Helm.template("-f", Helm.PRODUCTION_VALUES))) {
            for (String service : SERVICES) {
                JsonNode pod =
                        r.deployment(service).path("spec").path("template").path("spec");
                for (JsonNode container : List.of(
                        pod.path("containers").get(0),
                        pod.path("initContainers").get(0))) {
                    Map<String, String> env = r.environment(container);
                    SIZES.forEach((key, value) -> assertEquals(
                            value,
                            env.get(key),
                            service + "/" + container.path("name").asText() + ": " + key));
                }
            }
        }
        // The defaults (production values give the gateway more room, and its heap grows with it).
        Rendered trial = Helm.template();
        for (String service : SERVICES) {
            assertEquals(
                    mebibytes(SIZES.get("SERVICE_MEMORY_LIMIT")),
                    mebibytes(Rendered.mainContainer(trial.deployment(service))
                            .path("resources")
                            .path("limits")
                            .path("memory")
                            .asText()),
                    service + "'s memory limit is the file's SERVICE_MEMORY_LIMIT");
        }
    }

    @Test
    void theImageCopiesTheFileAndItsEntrypointExportsWhatTheEnvironmentDoesNotSet(@TempDir Path dir) throws Exception {
        List<DockerfileTest.Instruction> service = DockerfileTest.INSTRUCTIONS.stream()
                .filter(i -> "service".equals(i.stage()))
                .toList();
        assertTrue(
                service.stream()
                        .anyMatch(i -> i.keyword().equals("COPY")
                                && i.arguments().endsWith("/build/" + FILE + " /deployments/jvm.env")),
                "the service image copies " + FILE);
        for (DockerfileTest.Instruction i : service) {
            if (i.keyword().equals("ENV")) {
                for (String key : SIZES.keySet()) {
                    assertFalse(i.arguments().contains(key + "="), "the Dockerfile sets " + key + " again");
                }
                // run-java.sh ignores JAVA_OPTS_APPEND once JAVA_OPTS is set.
                assertFalse(i.arguments().contains("JAVA_OPTS_APPEND"), i.arguments());
            }
        }
        String entrypoint = service.stream()
                .filter(i -> i.keyword().equals("ENTRYPOINT"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .arguments();
        List<String> command =
                List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(entrypoint, String[].class));
        assertEquals(List.of("/bin/bash", "-c"), command.subList(0, 2));
        // The entry point's script as the container runs it, with the file where the image has it
        // and the base image's launcher replaced by one that prints what it was given.
        Path env = Files.copy(Repo.path(FILE), dir.resolve("jvm.env"));
        Path launcher = dir.resolve("run-java.sh");
        Files.writeString(launcher, "#!/bin/bash\nenv\necho \"args $*\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        String script = command.get(2);
        assertTrue(
                script.contains("/deployments/jvm.env") && script.contains("/opt/jboss/container/java/run/run-java.sh"),
                script);
        script = script.replace("/deployments/jvm.env", env.toString())
                .replace("/opt/jboss/container/java/run/run-java.sh", launcher.toString());
        ProcessBuilder pb =
                new ProcessBuilder("/bin/bash", "-c", script, command.get(3), "extra").redirectErrorStream(true);
        pb.environment().put("QUARKUS_THREAD_POOL_MAX_THREADS", "7");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        List<String> lines = List.of(out.split("\n"));
        SIZES.forEach((key, value) -> assertTrue(
                lines.contains(key + "=" + (key.equals("QUARKUS_THREAD_POOL_MAX_THREADS") ? "7" : value)),
                key + " in " + out));
        assertTrue(lines.contains("args extra"), out);
    }
}
