package org.sharedict.gateway.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.sharedict.gateway.routing.GatewayRouter;

/**
 * Merges the services' OpenAPI documents into the gateway's: their paths (only those the route
 * table sends to them), components, tags. A component whose name another document already uses
 * for something different is renamed {@code <service>.<Name>}, and that document's references
 * to it follow. What could not be included is said in {@code info} and {@code x-sharedict-services}.
 *
 * <p>Every service operation also gets what the gateway itself answers before or instead of the
 * service, where the service's document does not say it already: 401 (no valid token or API key;
 * not on public paths), 403 (an API key whose permissions do not cover it), 413 (a body over the
 * route's limit), 414 (a path and query over 8,192 characters), 429 (rate limits) and 503 (the service cannot be reached, does not answer in
 * time, or is paused by the circuit breaker), all problem+json.
 */
public final class OpenApiMerger {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PROBLEM = "#/components/schemas/Problem";

    /**
     * One service's document. {@code isPublic}: whether the gateway answers a request (method, path)
     * to it without a token; {@code maxBodySize}: the largest body the gateway passes on to it.
     */
    public record Part(
            String service,
            JsonNode document,
            String missingReason,
            Predicate<String> routes,
            BiPredicate<String, String> isPublic,
            long maxBodySize) {

        public static Part included(
                String service,
                JsonNode document,
                Predicate<String> routes,
                BiPredicate<String, String> isPublic,
                long maxBodySize) {
            return new Part(service, document, null, routes, isPublic, maxBodySize);
        }

        public static Part missing(String service, String reason) {
            return new Part(service, null, reason, p -> false, (m, p) -> false, 0);
        }
    }

    private OpenApiMerger() {}

    public static ObjectNode merge(JsonNode gateway, List<Part> parts) {
        ObjectNode merged = gateway.deepCopy();
        merged.remove("servers");
        ObjectNode paths = object(merged, "paths");
        ObjectNode components = object(merged, "components");
        ArrayNode tags = merged.has("tags") && merged.get("tags").isArray()
                ? (ArrayNode) merged.get("tags")
                : merged.putArray("tags");
        ArrayNode status = JsonNodeFactory.instance.arrayNode();
        status.addObject().put("name", "gateway").put("included", true);
        List<String> missing = new ArrayList<>();
        for (Part part : parts) {
            ObjectNode s = status.addObject().put("name", part.service()).put("included", part.document() != null);
            if (part.document() == null) {
                s.put("reason", part.missingReason());
                missing.add(part.service() + " (" + part.missingReason() + ")");
                continue;
            }
            ObjectNode doc = part.document().deepCopy();
            renameClashes(doc, components, part.service());
            JsonNode theirComponents = doc.path("components");
            theirComponents.fieldNames().forEachRemaining(type -> {
                ObjectNode ours = object(components, type);
                theirComponents.get(type).fields().forEachRemaining(e -> {
                    if (!ours.has(e.getKey())) {
                        ours.set(e.getKey(), e.getValue());
                    }
                });
            });
            doc.path("paths").fields().forEachRemaining(e -> {
                if (part.routes().test(e.getKey()) && !paths.has(e.getKey())) {
                    paths.set(e.getKey(), e.getValue());
                    if (e.getValue() instanceof ObjectNode item) {
                        addGatewayAnswers(item, e.getKey(), part);
                    }
                }
            });
            for (JsonNode tag : doc.path("tags")) {
                boolean known = false;
                for (JsonNode t : tags) {
                    known |= t.path("name").asText().equals(tag.path("name").asText());
                }
                if (!known) {
                    tags.add(tag);
                }
            }
        }
        ObjectNode info = object(merged, "info");
        String description = info.path("description").asText("");
        info.put(
                "description",
                description
                        + (missing.isEmpty()
                                ? "\n\nEvery service's API is included."
                                : "\n\nNot included right now, because the service did not answer: "
                                        + String.join("; ", missing) + ". Reload later for the whole platform."));
        merged.set("x-sharedict-services", status);
        return merged;
    }

    /** What the gateway answers for the service's operations on this path, added where the service does not document it. */
    static void addGatewayAnswers(ObjectNode item, String path, Part part) {
        // A path template matched as a request would be: {id} stands for one segment.
        String sample = path.replaceAll("\\{[^}/]+}", "x");
        item.fields().forEachRemaining(e -> {
            if (!METHODS.contains(e.getKey()) || !(e.getValue() instanceof ObjectNode op)) {
                return;
            }
            ObjectNode responses = object(op, "responses");
            if (!part.isPublic().test(e.getKey().toUpperCase(Locale.ROOT), sample)) {
                answer(responses, "401", "No valid bearer token or API key: refused by the gateway", false);
                answer(
                        responses,
                        "403",
                        "An API key whose permissions do not cover this, refused by the gateway",
                        false);
            }
            if (op.has("requestBody")) {
                answer(
                        responses,
                        "413",
                        "The body is larger than the " + part.maxBodySize() + " bytes the gateway passes on to "
                                + part.service(),
                        false);
            }
            answer(
                    responses,
                    "414",
                    "The path and query are longer than the " + GatewayRouter.MAX_URI
                            + " characters the gateway passes on",
                    false);
            answer(
                    responses,
                    "429",
                    "Too many requests from this user, API key or address (the gateway's rate limits): "
                            + "try again after Retry-After seconds",
                    true);
            String unreachable =
                    part.service() + " cannot be reached or did not answer in time, or the gateway pauses requests "
                            + "to it after repeated failures (then with Retry-After)";
            if (responses.has("503") && responses.get("503") instanceof ObjectNode theirs) {
                theirs.put(
                        "description",
                        theirs.path("description").asText("Unavailable") + "; or, from the gateway: " + unreachable);
            } else {
                answer(responses, "503", unreachable, true);
            }
        });
    }

    private static void answer(ObjectNode responses, String status, String description, boolean retryAfter) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode r = responses.putObject(status).put("description", description);
        r.putObject("content")
                .putObject("application/problem+json")
                .putObject("schema")
                .put("$ref", PROBLEM);
        if (retryAfter) {
            r.putObject("headers")
                    .putObject("Retry-After")
                    .put("description", "Seconds to wait before trying again")
                    .putObject("schema")
                    .put("type", "integer");
        }
    }

    /** Renames the document's components whose names are taken by different definitions, and its references. */
    static void renameClashes(ObjectNode doc, ObjectNode taken, String service) {
        Map<String, String> renames = new HashMap<>();
        JsonNode theirs = doc.path("components");
        theirs.fieldNames().forEachRemaining(type -> {
            JsonNode ours = taken.path(type);
            ObjectNode defs = (ObjectNode) theirs.get(type);
            List<String> names = new ArrayList<>();
            defs.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (ours.has(name) && !ours.get(name).equals(defs.get(name))) {
                    String renamed = service + "." + name;
                    defs.set(renamed, defs.remove(name));
                    renames.put("#/components/" + type + "/" + name, "#/components/" + type + "/" + renamed);
                }
            }
        });
        if (!renames.isEmpty()) {
            rewriteRefs(doc, renames);
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                o.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            Iterator<JsonNode> it = o.elements();
            while (it.hasNext()) {
                rewriteRefs(it.next(), renames);
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode n : a) {
                rewriteRefs(n, renames);
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }
}
