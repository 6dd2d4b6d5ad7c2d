package org.sharedict.deploy;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Kubernetes label selectors, as the API server evaluates them. */
final class Selectors {

    private Selectors() {}

    /**
     * A LabelSelector ({matchLabels, matchExpressions}) or a plain map (a Service's selector)
     * against a set of labels. An empty selector selects everything.
     */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        boolean labelSelector = selector.has("matchLabels") || selector.has("matchExpressions");
        JsonNode matchLabels = labelSelector ? selector.path("matchLabels") : selector;
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            String value = labels.path(key).asText(null);
            boolean in = false;
            for (JsonNode v : expr.path("values")) {
                in |= v.asText().equals(value);
            }
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator in " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
