package org.sharedict.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real helm binary on the chart in helm/. */
final class Helm {

    static final String CHART = "helm";
    static final String PRODUCTION_VALUES = "helm/examples/production-values.yaml";

    private Helm() {}

    static Tools.Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Tools.helm().toString());
        command.addAll(args);
        // A private HELM_* home so no user configuration or repository cache changes the result.
        String home = Repo.path("deploy-tests/target/helm-home").toString();
        return Tools.run(
                command,
                Map.of(
                        "HELM_CACHE_HOME",
                        home + "/cache",
                        "HELM_CONFIG_HOME",
                        home + "/config",
                        "HELM_DATA_HOME",
                        home + "/data"),
                120);
    }

    /** helm template with a release called "demo" in namespace "ict"; fails the test if helm does. */
    static Rendered template(String... args) {
        Tools.Result r = run(templateArgs(args));
        if (r.exitCode() != 0) {
            throw new AssertionError("helm template " + List.of(args) + " failed:\n" + r.stderr() + r.stdout());
        }
        return Rendered.parse(r.stdout());
    }

    /** helm template that is expected to fail: returns what helm said. */
    static String templateFailure(String... args) {
        Tools.Result r = run(templateArgs(args));
        if (r.exitCode() == 0) {
            throw new AssertionError("helm template " + List.of(args) + " should have failed but rendered");
        }
        return r.stderr() + r.stdout();
    }

    private static List<String> templateArgs(String... args) {
        List<String> all = new ArrayList<>(List.of("template", "demo", CHART, "--namespace", "ict"));
        all.addAll(List.of(args));
        return all;
    }
}
