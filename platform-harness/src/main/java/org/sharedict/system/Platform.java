package org.sharedict.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.sharedict.testing.FreePorts;

/**
 * The whole platform on this machine, as it runs in production: the four packaged services
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}) as separate processes on free ports, each
 * with its own fresh MariaDB database ({@code e2e_*}, dropped and made again per run), a throwaway
 * JWT key pair, and a real SMTP server (GreenMail) receiving their mail. Everything is reached
 * through the gateway. Logs: {@code system-tests/target/e2e/logs/<service>.log}.
 *
 * <p>Start it with {@link PlatformExtension} (once per test JVM); or {@link #start()} and
 * {@link #close()} directly. Settings: {@code TEST_DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}
 * as for every other test.
 */
public final class Platform implements AutoCloseable {

    public static final List<String> SERVICES = List.of("skills-service", "rota-service", "dr-planner", "gateway");
    private static final Map<String, String> DATABASE_SUFFIX =
            Map.of("skills-service", "skills", "rota-service", "rota", "dr-planner", "dr", "gateway", "gateway");
    static final Duration START_BOUND = Duration.ofSeconds(240);

    private final Path root =
            Path.of(System.getProperty("sharedict.root", "..")).toAbsolutePath().normalize();
    private final Path work;
    /**
     * Each module's platform has databases of its own ({@code e2e_*} for system-tests, {@code ui_tests_*},
     * {@code api_fuzz_tests_*}), so modules may run their platforms at the same time ({@code mvn -T}).
     */
    private final String databasePrefix;

    private final String dbServer = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
    private final String dbUser = System.getenv().getOrDefault("DB_USER", "root");
    private final String dbPassword = System.getenv().getOrDefault("DB_PASSWORD", "");
    private final String adminPassword = "e2e-" + java.util.UUID.randomUUID();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private GreenMail mail;
    private PagingProviders paging;
    private Path keys;

    /** A platform whose logs and keys go to {@code system-tests/target/e2e}. */
    public Platform() {
        this("system-tests/target/e2e");
    }

    /** A platform whose logs and keys go to {@code workDir} (relative to the repository root). */
    public Platform(String workDir) {
        this.work = root.resolve(workDir);
        String module = Path.of(workDir).getName(0).toString();
        this.databasePrefix = module.equals("system-tests")
                ? "e2e"
                : module.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /**
     * Sets an environment variable for one service, before {@link #start()}: for a test that would
     * otherwise meet a production limit, e.g. the gateway's rate limits for thousands of requests.
     */
    public Platform environment(String service, String name, String value) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("no service " + service + " in " + SERVICES);
        }
        environment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /**
     * Before {@link #start()}: rota-service pages by SMS and voice through stand-ins for GOV.UK
     * Notify and Twilio ({@link #paging()}), as a deployment with both switched on.
     */
    public Platform withPagingProviders() {
        paging = new PagingProviders();
        environment.computeIfAbsent("rota-service", s -> new LinkedHashMap<>()).putAll(paging.environment());
        return this;
    }

    /** The Notify and Twilio stand-ins, or null without {@link #withPagingProviders()}. */
    public PagingProviders paging() {
        return paging;
    }

    /** Starts everything and waits until the gateway says every service is ready. */
    public Platform start() {
        try {
            Files.createDirectories(work.resolve("logs"));
            freshDatabases();
            keys = keys();
            mail = new GreenMail(
                    new ServerSetup(FreePorts.outsideTheEphemeralRange(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            for (String s : SERVICES) {
                ports.put(s, FreePorts.outsideTheEphemeralRange());
            }
            for (String s : SERVICES) {
                processes.put(s, launch(s, keys));
            }
            for (String s : SERVICES) {
                awaitReady(s, "/q/health/ready");
            }
            awaitReady("gateway", "/q/health/group/platform");
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops one service and waits until it is gone (its port and database connections with it). */
    public void stop(String service) {
        Process p = processes.get(service);
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a service stopped by {@link #stop(String)} again, as before, and waits until it is ready. */
    public void startAgain(String service) {
        try {
            processes.put(service, launch(service, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(service, "/q/health/ready");
    }

    /** The database server's address, user and password, for tools that need them (host, port, user, password). */
    public Map<String, String> databaseServer() {
        URI uri = URI.create(dbServer.substring("jdbc:".length()));
        return Map.of(
                "host",
                uri.getHost(),
                "port",
                Integer.toString(uri.getPort() < 0 ? 3306 : uri.getPort()),
                "user",
                dbUser,
                "password",
                dbPassword);
    }

    /** The name of a service's database in this platform. */
    public String databaseName(String service) {
        return databasePrefix + "_" + DATABASE_SUFFIX.get(service);
    }

    /** The gateway, the platform's only entry point, e.g. http://127.0.0.1:40123. */
    public URI gateway() {
        return URI.create("http://127.0.0.1:" + ports.get("gateway"));
    }

    /** A service's own address (internal: tests go through the gateway; this is for looking behind it). */
    public URI service(String name) {
        return URI.create("http://127.0.0.1:" + ports.get(name));
    }

    /** The password of the first user, {@code admin}, for this run. */
    public String adminPassword() {
        return adminPassword;
    }

    /** The private key the gateway signs with (for tools that seed data as the partnership admin). */
    public Path signingKey() {
        return keys.resolve("privateKey.pem");
    }

    /** A connection to a service's own database (for looking behind the API, e.g. at what a request wrote). */
    public Connection database(String service) throws java.sql.SQLException {
        return DriverManager.getConnection(dbServer + "/" + databaseName(service), dbUser, dbPassword);
    }

    /** The SMTP server every service sends its mail to. */
    public GreenMail mail() {
        return mail;
    }

    public Path logFile(String service) {
        return work.resolve("logs/" + service + ".log");
    }

    public String log(String service) {
        try {
            return Files.readString(logFile(service), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (paging != null) {
            paging.close();
            paging = null;
        }
    }

    private Process launch(String service, Path keys) throws IOException {
        Path jar = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package the services first (./mvnw verify runs them in order)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", ports.get(service).toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", dbServer + "/" + databaseName(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.resolve("publicKey.pem").toString());
        env.put("SKILLS_URL", service("skills-service").toString());
        env.put("ROTA_URL", service("rota-service").toString());
        env.put("DR_URL", service("dr-planner").toString());
        env.put("GATEWAY_URL", gateway().toString());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        // One line per request with its ID in every log (secrets in addresses redacted), whatever the packaged default.
        env.put("ACCESS_LOG", "true");
        if (service.equals("rota-service")) {
            // As production: one key signs page links. Webhook subscribers here are local stand-ins on plain http.
            env.put("ROTA_ACTIONS_SECRET", "e2e-page-links-" + adminPassword);
            env.put("ROTA_WEBHOOKS_ALLOW_HTTP", "true");
        }
        if (service.equals("gateway")) {
            env.put("JWT_PRIVATE_KEY_LOCATION", keys.resolve("privateKey.pem").toString());
            env.put("ADMIN_PASSWORD", adminPassword);
            // Access tokens live 30 s in production. The story and the fuzzer hold one across minutes of
            // steps as a script would, so here they live 10 minutes unless asked otherwise; ui-tests ask
            // for the production 30 s, so the web UI's renewal is what keeps their browser signed in.
            env.put("GATEWAY_TOKENS_ACCESS_LIFETIME", System.getProperty("sharedict.accessLifetime", "10M"));
        }
        env.putAll(environment.getOrDefault(service, Map.of()));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile(service).toFile());
        // Only what a deployment would give it: nothing from this machine's environment leaks in.
        Map<String, String> processEnv = pb.environment();
        String path = processEnv.get("PATH");
        processEnv.clear();
        processEnv.put("PATH", path == null ? "/usr/bin:/bin" : path);
        processEnv.putAll(env);
        return pb.start();
    }

    private void awaitReady(String service, String path) {
        URI uri = service(service).resolve(path);
        Process p = processes.get(service);
        try {
            Awaitility.await(service + " ready on " + path)
                    .atMost(START_BOUND)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException(service + " stopped while starting (exit " + p.exitValue()
                                    + "):\n" + tail(service));
                        }
                        return http.send(
                                                HttpRequest.newBuilder(uri)
                                                        .timeout(Duration.ofSeconds(3))
                                                        .GET()
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    service + " did not answer 200 on " + path + " within " + START_BOUND + ":\n" + tail(service), e);
        }
    }

    private String tail(String service) {
        String log = log(service);
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    private void freshDatabases() {
        try (Connection c = DriverManager.getConnection(dbServer + "/", dbUser, dbPassword);
                Statement s = c.createStatement()) {
            for (String db : SERVICES.stream().map(this::databaseName).toList()) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
                s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(
                    "MariaDB at " + dbServer + " is needed for the system tests: " + e.getMessage(), e);
        }
    }

    private Path keys() throws IOException {
        Path dir = work.resolve("keys");
        Files.createDirectories(dir);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Files.writeString(
                    dir.resolve("publicKey.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(
                    dir.resolve("privateKey.pem"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    private static String pem(String type, byte[] der) {
        String dashes = "-----";
        return dashes + "BEGIN " + type + dashes + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n" + dashes + "END " + type + dashes + "\n";
    }

    List<String> running() {
        return new ArrayList<>(processes.keySet());
    }
}
