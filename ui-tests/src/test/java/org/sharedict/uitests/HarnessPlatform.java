package org.sharedict.uitests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.sharedict.system.Platform;

/**
 * The whole platform started for the test run by the system-tests harness (four packaged services
 * against fresh MariaDB databases, behind the gateway), then filled with the same demo data
 * {@code ./run.sh} loads, by local-run's DemoSeeder in a process of its own (it reads its settings
 * from the environment, as under ./run.sh).
 */
final class HarnessPlatform implements UiPlatform {

    private static final long SEED_BOUND_SECONDS = 300;

    private final Platform platform;
    private final StandInCouncil council;

    private HarnessPlatform(Platform platform, StandInCouncil council) {
        this.platform = platform;
        this.council = council;
    }

    /** The platform, with the gateway configured for a stand-in council identity provider ("Sign in with your council"). */
    static UiPlatform start() {
        StandInCouncil council = new StandInCouncil();
        Platform platform;
        try {
            platform = new Platform("ui-tests/target/platform")
                    .environment("gateway", "JAVA_TOOL_OPTIONS", council.gatewayOptions())
                    .start();
        } catch (RuntimeException e) {
            council.close();
            throw e;
        }
        try {
            seedDemoData(platform);
            return new HarnessPlatform(platform, council);
        } catch (RuntimeException e) {
            platform.close();
            council.close();
            throw e;
        }
    }

    @Override
    public StandInCouncil council() {
        return council;
    }

    @Override
    public boolean catchesMail() {
        return true;
    }

    @Override
    public java.util.List<String> mails() {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : platform.mail().getReceivedMessages()) {
            try {
                texts.add(m.getSubject() + "\n" + org.sharedict.system.Mails.text(m));
            } catch (Exception e) {
                throw new IllegalStateException("a caught e-mail could not be read", e);
            }
        }
        return texts;
    }

    private static void seedDemoData(Platform platform) {
        Path root = Path.of(System.getProperty("sharedict.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path jar = root.resolve("local-run/target/local-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package local-run first (./mvnw verify does)");
        }
        Path log = root.resolve("ui-tests/target/platform/logs/demo-seeder.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        "-cp",
                        jar + ":" + root.resolve("local-run/target/lib") + "/*",
                        "org.sharedict.localrun.DemoSeeder")
                .directory(root.resolve("ui-tests/target/platform").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JWT_PRIVATE_KEY_LOCATION", platform.signingKey().toString());
        env.put("SKILLS_URL", platform.service("skills-service").toString());
        env.put("ROTA_URL", platform.service("rota-service").toString());
        env.put("DR_URL", platform.service("dr-planner").toString());
        env.put("GATEWAY_URL", platform.gateway().toString());
        try {
            Process seeder = pb.start();
            if (!seeder.waitFor(SEED_BOUND_SECONDS, TimeUnit.SECONDS)) {
                seeder.destroyForcibly();
                throw new IllegalStateException(
                        "the demo seeder did not finish within " + SEED_BOUND_SECONDS + " s; see " + log);
            }
            if (seeder.exitValue() != 0) {
                throw new IllegalStateException("the demo seeder failed (exit " + seeder.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean stopsServices() {
        return true;
    }

    @Override
    public void stop(String service) {
        platform.stop(service);
    }

    @Override
    public void startAgain(String service) {
        platform.startAgain(service);
    }

    @Override
    public String baseUrl() {
        return platform.gateway().toString();
    }

    @Override
    public com.icegreen.greenmail.util.GreenMail mail() {
        return platform.mail();
    }

    @Override
    public String adminUsername() {
        return "admin";
    }

    @Override
    public String adminPassword() {
        return platform.adminPassword();
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            council.close();
        }
    }
}
