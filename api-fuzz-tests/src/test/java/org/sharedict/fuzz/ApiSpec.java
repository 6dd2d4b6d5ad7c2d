package org.sharedict.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The gateway's merged OpenAPI document, read as a tree: its operations, their parameters, request
 * bodies and documented answers. Schemas stay JSON; {@link #resolve} follows a {@code $ref}.
 */
final class ApiSpec {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            Map<String, JsonNode> requestBody,
            boolean bodyRequired,
            Map<String, JsonNode> responses,
            boolean secured) {

        /** "POST /api/rotas", the operation's name in the report and in {@code fuzz.operations}. */
        String key() {
            return method + " " + path;
        }

        Optional<Parameter> parameter(String name, String in) {
            return parameters.stream()
                    .filter(p -> p.name.equals(name) && p.in.equals(in))
                    .findFirst();
        }

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in.equals(in)).toList();
        }

        /** The JSON body schema, if the operation takes JSON. */
        Optional<JsonNode> jsonBody() {
            return Optional.ofNullable(requestBody.get("application/json"));
        }

        /** Whether the answer's status is documented: exactly, as a range ("4XX") or by "default". */
        boolean documents(int status) {
            return responses.containsKey(Integer.toString(status))
                    || responses.containsKey(status / 100 + "XX")
                    || responses.containsKey("default");
        }

        JsonNode response(int status) {
            JsonNode r = responses.get(Integer.toString(status));
            if (r == null) {
                r = responses.get(status / 100 + "XX");
            }
            return r == null ? responses.getOrDefault("default", MissingNode.getInstance()) : r;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    ApiSpec(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode o = op.getValue();
                List<Parameter> params = new ArrayList<>(shared);
                for (Parameter p : parameters(o.path("parameters"))) {
                    params.removeIf(s -> s.name.equals(p.name) && s.in.equals(p.in));
                    params.add(p);
                }
                JsonNode body = resolve(o.path("requestBody"));
                Map<String, JsonNode> media = new LinkedHashMap<>();
                body.path("content")
                        .fields()
                        .forEachRemaining(
                                e -> media.put(e.getKey(), e.getValue().path("schema")));
                Map<String, JsonNode> responses = new LinkedHashMap<>();
                o.path("responses").fields().forEachRemaining(e -> responses.put(e.getKey(), resolve(e.getValue())));
                JsonNode security = o.has("security") ? o.get("security") : document.path("security");
                boolean secured = security.isArray()
                        && !security.isEmpty()
                        && !(security.size() == 1 && security.get(0).isEmpty());
                operations.add(new Operation(
                        op.getKey().toUpperCase(),
                        path.getKey(),
                        List.copyOf(params),
                        media,
                        body.path("required").asBoolean(false),
                        responses,
                        secured));
            }
        }
    }

    JsonNode document() {
        return document;
    }

    String version() {
        return document.path("openapi").asText();
    }

    List<Operation> operations() {
        return operations;
    }

    Set<String> methodsOf(String path) {
        Set<String> methods = new java.util.TreeSet<>();
        document.path("paths").path(path).fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                methods.add(m.toUpperCase());
            }
        });
        return methods;
    }

    /** The node a {@code $ref} points to (within this document), or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 20 && n.has("$ref"); i++) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return n;
            }
            n = document.at(ref.substring(1));
        }
        return n;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> params = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode r = resolve(p);
            params.add(new Parameter(
                    r.path("name").asText(),
                    r.path("in").asText(),
                    r.path("required").asBoolean(false),
                    resolve(r.path("schema"))));
        }
        return params;
    }
}
