package org.sharedict.deploy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared multi-stage Dockerfile, read as docker would read it: what its build stage copies
 * from the context must be there (and not excluded by .dockerignore), and what the image stages copy
 * from the build stage must be what the Maven build produces. This module runs after the four
 * services and local-run have been packaged in the same reactor build, so their target/ folders
 * are real, not assumed. No image is built here.
 */
class DockerfileTest {

    record Instruction(String stage, String keyword, String arguments) {}

    static final List<Instruction> INSTRUCTIONS = parse(Repo.read("Dockerfile"));
    static final String BUILD_ROOT = "/build/";

    private static List<Instruction> parse(String dockerfile) {
        List<Instruction> out = new ArrayList<>();
        String stage = null;
        StringBuilder logical = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            if (line.strip().startsWith("#") && logical.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String text = logical.toString().strip();
            logical.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String args = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                Matcher m = Pattern.compile("(?i)\\sAS\\s+(\\S+)$").matcher(args);
                stage = m.find() ? m.group(1) : "stage" + out.size();
            }
            out.add(new Instruction(stage, keyword, args));
        }
        return out;
    }

    private static List<Instruction> copies(boolean fromBuildStage) {
        return INSTRUCTIONS.stream()
                .filter(i -> i.keyword().equals("COPY"))
                .filter(i -> i.arguments().contains("--from=build") == fromBuildStage)
                .toList();
    }

    /** COPY's sources (everything but the last word, flags dropped). */
    private static List<String> sources(Instruction copy) {
        List<String> words = new ArrayList<>(List.of(copy.arguments().split("\\s+")));
        words.removeIf(w -> w.startsWith("--"));
        return words.subList(0, words.size() - 1);
    }

    @Test
    void theBuildStageCopiesOnlyWhatIsInTheBuildContext() {
        List<Instruction> contextCopies = copies(false);
        assertFalse(contextCopies.isEmpty());
        DockerIgnore ignore = new DockerIgnore(Repo.read(".dockerignore"));
        for (Instruction copy : contextCopies) {
            assertEquals("build", copy.stage(), "only the build stage copies from the context: " + copy);
            for (String source : sources(copy)) {
                assertTrue(Files.exists(Repo.path(source)), "COPY source " + source);
                if (!source.equals(".")) {
                    assertFalse(ignore.excludes(source), source + " is excluded by .dockerignore");
                }
            }
        }
    }

    @Test
    void everyMavenModuleReachesTheBuildContext() {
        // The reactor needs every module the parent pom lists, even those it does not build.
        DockerIgnore ignore = new DockerIgnore(Repo.read(".dockerignore"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertTrue(
                modules.containsAll(List.of("platform-common", "skills-service", "gateway", "local-run")),
                modules.toString());
        for (String module : modules) {
            assertFalse(ignore.excludes(module + "/pom.xml"), module + "/pom.xml is excluded by .dockerignore");
            assertFalse(
                    ignore.excludes(module + "/src/main/java/X.java"),
                    module + " sources are excluded by .dockerignore");
        }
        for (String file : List.of("pom.xml", ".mvn/wrapper/maven-wrapper.properties")) {
            assertFalse(ignore.excludes(file), file);
        }
        for (String heavy : List.of(
                "skills-service/target/quarkus-app/quarkus-run.jar",
                ".tools/bin/helm",
                ".data/mariadb/x",
                ".git/HEAD",
                ".env")) {
            assertTrue(ignore.excludes(heavy), heavy + " should stay out of the build context");
        }
    }

    @Test
    void theImagesCopyWhatTheMavenBuildProduced() throws IOException {
        List<String> services = new ArrayList<>();
        ComposeServices.buildArgs().forEach((service, arg) -> services.add(arg));
        assertEquals(List.of("skills-service", "rota-service", "dr-planner", "gateway"), services);
        int checked = 0;
        for (Instruction copy : copies(true)) {
            for (String source : sources(copy)) {
                assertTrue(source.startsWith(BUILD_ROOT), source);
                List<String> variants = source.contains("${SERVICE}")
                        ? services.stream()
                                .map(s -> source.replace("${SERVICE}", s))
                                .toList()
                        : List.of(source);
                for (String variant : variants) {
                    String relative = variant.substring(BUILD_ROOT.length());
                    assertFalse(
                            matches(relative).isEmpty(),
                            "COPY --from=build " + variant + ": nothing at " + relative
                                    + " (is the Maven build run through the reactor, e.g. ./mvnw verify?)");
                    checked++;
                }
            }
        }
        assertEquals(4 * 4 + 2, checked, "four layers per service, the JVM sizes and the key tool");
        for (String service : services) {
            assertTrue(Files.isRegularFile(Repo.path(service + "/target/quarkus-app/quarkus-run.jar")), service);
        }
    }

    private static List<Path> matches(String relativeGlob) throws IOException {
        if (!relativeGlob.contains("*")) {
            Path p = Repo.path(relativeGlob);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path dir = Repo.path(relativeGlob.substring(0, relativeGlob.lastIndexOf('/')));
        PathMatcher glob = FileSystems.getDefault()
                .getPathMatcher("glob:" + relativeGlob.substring(relativeGlob.lastIndexOf('/') + 1));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> glob.matches(f.getFileName())).toList();
        }
    }

    @Test
    void theBuilderUsesTheMavenVersionTheWrapperPins() {
        Matcher wrapper =
                Pattern.compile("apache-maven/([0-9.]+)/").matcher(Repo.read(".mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.find());
        Instruction from = INSTRUCTIONS.stream()
                .filter(i -> i.keyword().equals("FROM") && "build".equals(i.stage()))
                .findFirst()
                .orElseThrow();
        assertTrue(
                from.arguments().startsWith("docker.io/library/maven:" + wrapper.group(1) + "-eclipse-temurin-17 "),
                from.arguments());
    }

    @Test
    void theShippedStagesRunAsANonRootUserOnPort8080() {
        Map<String, String> lastUser = new LinkedHashMap<>();
        for (Instruction i : INSTRUCTIONS) {
            if (i.keyword().equals("USER")) {
                lastUser.put(i.stage(), i.arguments());
            }
        }
        for (String stage : List.of("service", "jwt-keys")) {
            assertEquals("185", lastUser.get(stage), stage + " ends as the image's non-root user");
        }
        assertEquals(
                "service",
                INSTRUCTIONS.get(INSTRUCTIONS.size() - 1).stage(),
                "a plain docker build makes a service image");
        assertTrue(INSTRUCTIONS.stream()
                .anyMatch(i -> i.stage().equals("service")
                        && i.keyword().equals("EXPOSE")
                        && i.arguments().equals("8080")));
        assertTrue(
                INSTRUCTIONS.stream()
                        .anyMatch(i -> i.stage().equals("service")
                                && i.keyword().equals("ENV")
                                && i.arguments().contains("QUARKUS_HTTP_PORT=8080")),
                "every service listens on 8080 in its container");
        List<String> stages = INSTRUCTIONS.stream()
                .filter(i -> i.keyword().equals("FROM"))
                .map(Instruction::stage)
                .toList();
        assertTrue(
                stages.containsAll(ComposeServices.targets()),
                "compose targets " + ComposeServices.targets() + " exist in " + stages);
    }

    /** .dockerignore semantics: patterns from the context root, later lines win, ! re-includes. */
    static final class DockerIgnore {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<Boolean> exclusions = new ArrayList<>();

        DockerIgnore(String text) {
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                boolean include = l.startsWith("!");
                String p = (include ? l.substring(1) : l)
                        .strip()
                        .replaceAll("^/+", "")
                        .replaceAll("/+$", "");
                patterns.add(Pattern.compile(toRegex(p)));
                exclusions.add(!include);
            }
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesSelfOrParent(patterns.get(i), path)) {
                    excluded = exclusions.get(i);
                }
            }
            return excluded;
        }

        private static boolean matchesSelfOrParent(Pattern p, String path) {
            String current = path;
            while (true) {
                if (p.matcher(current).matches()) {
                    return true;
                }
                int slash = current.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                current = current.substring(0, slash);
            }
        }

        private static String toRegex(String glob) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else if (c == '*') {
                    re.append("[^/]*");
                } else if (c == '?') {
                    re.append("[^/]");
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return re.toString();
        }
    }

    /** What docker-compose.yml asks the Dockerfile to build. */
    static final class ComposeServices {
        private ComposeServices() {}

        @SuppressWarnings("unchecked")
        static Map<String, String> buildArgs() {
            Map<String, String> args = new LinkedHashMap<>();
            Map<String, Object> services =
                    (Map<String, Object>) Compose.load(ComposeFileTest.FILE).get("services");
            services.forEach((name, s) -> {
                Object build = ((Map<String, Object>) s).get("build");
                if (build instanceof Map<?, ?> b && b.get("args") instanceof Map<?, ?> a && a.get("SERVICE") != null) {
                    args.put(name, String.valueOf(a.get("SERVICE")));
                }
            });
            return args;
        }

        @SuppressWarnings("unchecked")
        static List<String> targets() {
            List<String> targets = new ArrayList<>();
            Map<String, Object> services =
                    (Map<String, Object>) Compose.load(ComposeFileTest.FILE).get("services");
            services.forEach((name, s) -> {
                Object build = ((Map<String, Object>) s).get("build");
                if (build instanceof Map<?, ?> b
                        && b.get("target") != null
                        && !targets.contains(String.valueOf(b.get("target")))) {
                    targets.add(String.valueOf(b.get("target")));
                }
            });
            return targets;
        }
    }
}
