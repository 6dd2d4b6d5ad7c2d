package org.sharedict.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml as docker compose would read it (anchors, merge keys, ${VAR} from .env),
 * validated against the Compose specification's JSON schema and checked for what the issue asks:
 * paths that exist, only the gateway published, health-gated start-up, passwords only from .env.
 * No container engine runs here: nothing is built or started.
 */
class ComposeFileTest {

    static final String FILE = "docker-compose.yml";
    static final String MAIL_UI = "docker-compose.mail-ui.yml";
    static final List<String> PASSWORDS = List.of(
            "ADMIN_PASSWORD",
            "MARIADB_ROOT_PASSWORD",
            "SKILLS_DB_PASSWORD",
            "ROTA_DB_PASSWORD",
            "DR_DB_PASSWORD",
            "GATEWAY_DB_PASSWORD",
            "ROTA_ACTIONS_SECRET");

    static JsonSchema schema;
    static Map<String, String> env;
    static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        JsonNode schemaJson =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Tools.composeSchema()));
        // The schema still carries draft-04 style "id" annotations, which the 2019-09 validator
        // does not accept; they only label sub-schemas (every $ref is a JSON pointer), so drop them.
        dropIdAnnotations(schemaJson);
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schemaJson);
        // .env.example as an operator fills it in: every password set.
        env = new LinkedHashMap<>(Compose.dotenv(".env.example"));
        PASSWORDS.forEach(p -> env.put(p, "test-" + p.toLowerCase() + "-'\"$x"));
        compose = interpolated(Compose.load(FILE));
    }

    private static void dropIdAnnotations(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(ComposeFileTest::dropIdAnnotations);
        } else if (node.isArray()) {
            node.forEach(ComposeFileTest::dropIdAnnotations);
        }
    }

    private static JsonNode interpolated(Map<String, Object> raw) {
        List<String> errors = new ArrayList<>();
        JsonNode node = Compose.toJson(Compose.interpolate(raw, env, errors));
        assertEquals(List.of(), errors);
        return node;
    }

    private static JsonNode service(String name) {
        JsonNode s = compose.path("services").path(name);
        assertFalse(s.isMissingNode(), "no service " + name);
        return s;
    }

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() {
        Set<ValidationMessage> errors = schema.validate(compose);
        assertEquals(Set.of(), errors);
    }

    @Test
    void composeFileWithTheMailUiOverrideIsValidToo() {
        JsonNode merged = interpolated(Compose.merge(Compose.load(FILE), Compose.load(MAIL_UI)));
        assertEquals(Set.of(), schema.validate(merged));
        List<String> ports =
                Rendered.texts(merged.path("services").path("mailpit").path("ports"));
        assertEquals(List.of("127.0.0.1:8025:8025"), ports, "the mail UI only on this host's loopback");
    }

    @Test
    void theSchemaCatchesAMistake() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("gateway").path("depends_on").path("mariadb"))
                .put("condition", "service_ready");
        ((ObjectNode) broken.path("services").path("gateway")).put("restart_policy", "always");
        Set<ValidationMessage> errors = schema.validate(broken);
        assertFalse(errors.isEmpty(), "the validator must reject an unknown condition and an unknown key");
    }

    @Test
    void everyPathItReferencesExists() {
        List<String> checked = new ArrayList<>();
        for (String file : List.of(FILE, MAIL_UI)) {
            JsonNode doc = interpolated(Compose.load(file));
            doc.path("services").fields().forEachRemaining(e -> {
                JsonNode s = e.getValue();
                JsonNode build = s.path("build");
                if (!build.isMissingNode()) {
                    Path context = Repo.path(
                            build.isTextual()
                                    ? build.asText()
                                    : build.path("context").asText("."));
                    assertTrue(Files.isDirectory(context), e.getKey() + ": build context " + context);
                    Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                    assertTrue(Files.isRegularFile(dockerfile), e.getKey() + ": " + dockerfile);
                    checked.add(dockerfile.toString());
                }
                for (JsonNode envFile :
                        s.path("env_file").isArray() ? s.path("env_file") : List.of(s.path("env_file"))) {
                    if (!envFile.isMissingNode()) {
                        assertTrue(
                                Files.isRegularFile(Repo.path(envFile.asText())), e.getKey() + ": env_file " + envFile);
                        checked.add(envFile.asText());
                    }
                }
                for (JsonNode volume : s.path("volumes")) {
                    String source = volume.isTextual()
                            ? volume.asText().split(":")[0]
                            : volume.path("source").asText();
                    if (source.startsWith(".") || source.startsWith("/")) {
                        assertTrue(Files.exists(Repo.path(source)), e.getKey() + ": bind mount " + source);
                        checked.add(source);
                    } else {
                        assertTrue(
                                doc.path("volumes").has(source)
                                        || compose.path("volumes").has(source),
                                e.getKey() + ": named volume " + source + " is declared");
                    }
                }
            });
            for (String section : List.of("secrets", "configs")) {
                doc.path(section).fields().forEachRemaining(e -> {
                    if (e.getValue().has("file")) {
                        assertTrue(
                                Files.exists(Repo.path(e.getValue().path("file").asText())),
                                section + " " + e.getKey());
                    }
                });
            }
        }
        assertTrue(checked.contains("./helm/files/mariadb-initdb.sh"), checked.toString());
        assertTrue(checked.stream().anyMatch(p -> p.endsWith("/Dockerfile")), checked.toString());
    }

    @Test
    void onlyTheGatewayIsPublished() {
        List<String> published = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                published.add(e.getKey());
            }
            assertFalse(e.getValue().has("network_mode"), e.getKey() + " shares the host network");
        });
        assertEquals(List.of("gateway"), published);
        assertEquals(
                List.of("0.0.0.0:8080:8080"), Rendered.texts(service("gateway").path("ports")));
    }

    @Test
    void theFourServicesAreBuiltFromTheSharedDockerfile() {
        for (String name : Rendered.SERVICES) {
            JsonNode build = service(name).path("build");
            assertEquals("Dockerfile", build.path("dockerfile").asText(), name);
            assertEquals("service", build.path("target").asText(), name);
            assertEquals(name, build.path("args").path("SERVICE").asText(), name);
            assertEquals(
                    "sharedict/" + name + ":1.0.0", service(name).path("image").asText(), name);
        }
        assertEquals(
                "jwt-keys", service("jwt-keys").path("build").path("target").asText());
    }

    @Test
    void servicesStartOnlyAfterAHealthyDatabaseAndTheKeyPair() {
        for (String name : Rendered.SERVICES) {
            JsonNode dependsOn = service(name).path("depends_on");
            assertEquals(
                    "service_healthy",
                    dependsOn.path("mariadb").path("condition").asText(),
                    name);
            assertEquals(
                    "service_completed_successfully",
                    dependsOn.path("jwt-keys").path("condition").asText(),
                    name);
        }
        List<String> test =
                Rendered.texts(service("mariadb").path("healthcheck").path("test"));
        assertEquals(List.of("CMD", "healthcheck.sh", "--connect", "--innodb_initialized"), test);
    }

    @Test
    void everyServiceIsHealthCheckedOnReadiness() {
        for (String name : Rendered.SERVICES) {
            JsonNode hc = service(name).path("healthcheck");
            String test = String.join(" ", Rendered.texts(hc.path("test")));
            assertTrue(
                    test.contains("/dev/tcp/127.0.0.1/8080") && test.contains("GET /q/health/ready "),
                    name + ": " + test);
            assertTrue(test.contains("' 200 '"), name + ": only a 200 counts");
            assertFalse(hc.path("start_period").asText().isEmpty(), name + ": time to migrate at start");
        }
    }

    @Test
    void theHealthcheckCommandPassesOnlyWhenReadinessAnswers200() throws Exception {
        List<String> test =
                Rendered.texts(service("gateway").path("healthcheck").path("test"));
        assertEquals("CMD", test.get(0));
        HealthEndpoint endpoint = new HealthEndpoint();
        try {
            List<String> command = test.subList(1, test.size()).stream()
                    .map(a -> a.replace("/127.0.0.1/8080", "/127.0.0.1/" + endpoint.port()))
                    .toList();
            endpoint.status = 200;
            assertEquals(0, Tools.run(command, Map.of(), 20).exitCode(), "ready");
            assertEquals("GET /q/health/ready", endpoint.lastRequest);
            endpoint.status = 503;
            assertTrue(Tools.run(command, Map.of(), 20).exitCode() != 0, "not ready");
            endpoint.stop();
            assertTrue(Tools.run(command, Map.of(), 20).exitCode() != 0, "not listening");
        } finally {
            endpoint.stop();
        }
    }

    /** A stand-in for a service's health endpoint, answering with a chosen status. */
    static final class HealthEndpoint {
        private final com.sun.net.httpserver.HttpServer server;
        volatile int status = 200;
        volatile String lastRequest;
        private boolean stopped;

        HealthEndpoint() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                lastRequest = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                byte[] body = "{\"status\":\"UP\"}".getBytes();
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            if (!stopped) {
                server.stop(0);
                stopped = true;
            }
        }
    }

    @Test
    void theMariaDbIsTheOfficialImageOnANamedVolume() {
        JsonNode db = service("mariadb");
        assertTrue(
                db.path("image").asText().startsWith("docker.io/library/mariadb:11."),
                db.path("image").asText());
        assertTrue(Rendered.texts(db.path("volumes")).contains("mariadb-data:/var/lib/mysql"));
        assertTrue(compose.path("volumes").has("mariadb-data"));
        assertFalse(db.has("ports"));
    }

    @Test
    void passwordsComeOnlyFromTheEnvFileAndAreRequired() {
        Map<String, String> example = Compose.dotenv(".env.example");
        for (String p : PASSWORDS) {
            assertEquals("", example.get(p), ".env.example lists " + p + " without a value: no secret is committed");
        }
        // Every variable compose refers to is explained in .env.example.
        Set<String> referenced = new TreeSet<>(Compose.references(Compose.load(FILE)));
        referenced.addAll(Compose.references(Compose.load(MAIL_UI)));
        referenced.remove("MAILPIT_UI_PORT");
        assertEquals(Set.of(), difference(referenced, example.keySet()), "variables missing from .env.example");

        // With .env.example as it is, compose refuses to start and names every missing password.
        List<String> errors = new ArrayList<>();
        Compose.interpolate(Compose.load(FILE), example, errors);
        Set<String> missing = new TreeSet<>();
        errors.forEach(e -> missing.add(e.substring(0, e.indexOf(':'))));
        assertEquals(new TreeSet<>(PASSWORDS), missing);

        // No password is written into the compose file itself.
        compose.path("services")
                .fields()
                .forEachRemaining(e -> e.getValue().path("environment").fields().forEachRemaining(v -> {
                    if (v.getKey().contains("PASSWORD")
                            && !v.getValue().asText().isEmpty()) {
                        assertTrue(
                                v.getValue().asText().startsWith("test-"),
                                e.getKey() + " " + v.getKey() + " comes from .env");
                    }
                }));
        assertTrue(Repo.read(".gitignore").lines().anyMatch(".env"::equals), ".env is never committed");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    @Test
    void eachServiceGetsTheVariablesItReads() {
        for (String name : Rendered.SERVICES) {
            JsonNode environment = service(name).path("environment");
            for (String variable : ServiceContract.required(name)) {
                assertFalse(environment.path(variable).asText().isEmpty(), name + " needs " + variable);
            }
            for (String variable : ServiceContract.GATEWAY_ONLY) {
                assertEquals(name.equals("gateway"), environment.has(variable), name + " and " + variable);
            }
            assertEquals(ServiceContract.sendsMail(name), environment.has("QUARKUS_MAILER_HOST"), name + " and SMTP");
            String db = ServiceContract.database(name);
            assertEquals(
                    "jdbc:mariadb://mariadb:3306/" + db,
                    environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals(db, environment.path("QUARKUS_DATASOURCE_USERNAME").asText());
            assertEquals(
                    env.get(db.toUpperCase() + "_DB_PASSWORD"),
                    environment.path("QUARKUS_DATASOURCE_PASSWORD").asText(),
                    name + " logs in with the password MariaDB's init script gave its user");
            assertEquals(
                    env.get(db.toUpperCase() + "_DB_PASSWORD"),
                    service("mariadb")
                            .path("environment")
                            .path(db.toUpperCase() + "_DB_PASSWORD")
                            .asText());
        }
    }

    @Test
    void serviceUrlsNameComposeServicesOnTheirContainerPort() {
        for (String caller : List.of("gateway", "rota-service", "dr-planner")) {
            JsonNode environment = service(caller).path("environment");
            Map.of("SKILLS_URL", "skills-service", "ROTA_URL", "rota-service", "DR_URL", "dr-planner")
                    .forEach((variable, target) -> {
                        URI url = URI.create(environment.path(variable).asText());
                        assertEquals(target, url.getHost(), caller + " " + variable);
                        assertEquals(8080, url.getPort(), caller + " " + variable);
                    });
        }
    }

    @Test
    void onlyTheGatewayMountsThePrivateKey() {
        for (String name : Rendered.SERVICES) {
            List<String> volumes = Rendered.texts(service(name).path("volumes"));
            String expected =
                    name.equals("gateway") ? "jwt-private:/etc/sharedict/jwt:ro" : "jwt-public:/etc/sharedict/jwt:ro";
            assertEquals(List.of(expected), volumes, name);
            assertEquals(
                    "/etc/sharedict/jwt/publicKey.pem",
                    service(name)
                            .path("environment")
                            .path("JWT_PUBLIC_KEY_LOCATION")
                            .asText());
        }
        assertEquals(
                "/etc/sharedict/jwt/privateKey.pem",
                service("gateway")
                        .path("environment")
                        .path("JWT_PRIVATE_KEY_LOCATION")
                        .asText());
        assertEquals(
                List.of("jwt-private:/keys/private", "jwt-public:/keys/public"),
                Rendered.texts(service("jwt-keys").path("volumes")));
    }

    @Test
    void applicationContainersRunReadOnlyWithoutCapabilities() {
        for (String name :
                List.of("gateway", "skills-service", "rota-service", "dr-planner", "jwt-keys", "mailpit", "backup")) {
            JsonNode s = service(name);
            assertTrue(s.path("read_only").asBoolean(false), name + " read_only");
            assertEquals(List.of("ALL"), Rendered.texts(s.path("cap_drop")), name);
            assertTrue(Rendered.texts(s.path("security_opt")).contains("no-new-privileges:true"), name);
        }
        for (String name : Rendered.SERVICES) {
            assertEquals(List.of("/tmp"), Rendered.texts(service(name).path("tmpfs")), name + " needs a writable /tmp");
            assertEquals("unless-stopped", service(name).path("restart").asText(), name);
        }
    }

    @Test
    void theProjectHasAFixedNameSoVolumesKeepTheirNames() {
        assertEquals("sharedict", Compose.dotenv(".env.example").get("COMPOSE_PROJECT_NAME"));
    }

    @Test
    void theMailCatcherIsAnOptionalProfile() {
        assertEquals(List.of("mailpit"), Rendered.texts(service("mailpit").path("profiles")));
        assertEquals("mailpit", Compose.dotenv(".env.example").get("COMPOSE_PROFILES"), "on while trying things out");
        for (String name : Rendered.SERVICES) {
            assertFalse(service(name).path("depends_on").has("mailpit"), name + " starts without the mail catcher");
        }
    }

    @Test
    void theBackupIsAnOptionalOneShotRunningTheChartsScriptIntoItsOwnVolume() {
        JsonNode backup = service("backup");
        assertEquals(List.of("backup"), Rendered.texts(backup.path("profiles")));
        assertEquals("no", backup.path("restart").asText(), "a one-shot, run by the host's cron");
        assertEquals(List.of("bash", "/scripts/backup.sh"), Rendered.texts(backup.path("entrypoint")));
        List<String> volumes = Rendered.texts(backup.path("volumes"));
        assertTrue(volumes.contains("./helm/files/backup.sh:/scripts/backup.sh:ro"), volumes.toString());
        assertTrue(volumes.contains("./helm/files/restore.sh:/scripts/restore.sh:ro"), volumes.toString());
        assertTrue(volumes.contains("backups:/backups"), "not the database's own volume: " + volumes);
        assertTrue(compose.path("volumes").has("backups"));
        assertEquals("mariadb", backup.path("environment").path("DB_HOST").asText());
        assertEquals(
                "service_healthy",
                backup.path("depends_on").path("mariadb").path("condition").asText());
        for (String name : Rendered.SERVICES) {
            assertFalse(service(name).path("depends_on").has("backup"), name + " starts without the backup");
        }
    }
}
