package org.sharedict.gateway.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the services' OpenAPI documents into the gateway's: their paths (only those the route
 * table sends to them), components, tags. A component whose name another document already uses
 * for something different is renamed {@code <service>.<Name>}, and that document's references
 * to it follow. What could not be included is said in {@code info} and {@code x-sharedict-services}.
 */
public final class OpenApiMerger {

    public record Part(String service, JsonNode document, String missingReason, Predicate<String> routes) {

        public static Part included(String service, JsonNode document, Predicate<String> routes) {
            return new Part(service, document, null, routes);
        }

        public static Part missing(String service, String reason) {
            return new Part(service, null, reason, p -> false);
        }
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(JsonNode gateway, List<Part> parts) {
        ObjectNode merged = gateway.deepCopy();
        merged.remove("servers");
        ObjectNode paths = object(merged, "paths");
        ObjectNode components = object(merged, "components");
        ArrayNode tags = merged.has("tags") && merged.get("tags").isArray() ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
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
        info.put("description", description + (missing.isEmpty()
                ? "\n\nEvery service's API is included."
                : "\n\nNot included right now, because the service did not answer: " + String.join("; ", missing)
                        + ". Reload later for the whole platform."));
        merged.set("x-sharedict-services", status);
        return merged;
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
