package org.sharedict.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The metric names the chart's alert rules and dashboard read, and those a service exposes. */
final class MonitoringNames {

    /** A metric is an identifier right before a label matcher or a range; label_values' first argument. */
    private static final Pattern SELECTED = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    /** Prometheus' own series, not a service's. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private MonitoringNames() {}

    static JsonNode alertRules() {
        try {
            return new YAMLMapper().readTree(Repo.read("helm/files/alert-rules.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(Repo.read("helm/files/dashboard.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every metric the rules and the dashboard name, Prometheus' own left out. */
    static Set<String> named() {
        Set<String> names = new TreeSet<>();
        alertRules().findValues("expr").forEach(e -> names.addAll(metricsIn(e.asText())));
        dashboard().findValues("expr").forEach(e -> names.addAll(metricsIn(e.asText())));
        dashboard().findValues("query").forEach(q -> names.addAll(metricsIn(q.asText())));
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    static Set<String> metricsIn(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher m = SELECTED.matcher(promql.replaceAll("\\{\\{[^}]*}}", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        Matcher lv = LABEL_VALUES.matcher(promql);
        while (lv.find()) {
            names.add(lv.group(1));
        }
        return names;
    }

    /** The metric names in a Prometheus text exposition. */
    static Set<String> exposed(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int end = l.indexOf('{');
            names.add(l.substring(0, end >= 0 ? end : l.indexOf(' ')));
        });
        return names;
    }
}
