package org.sharedict.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

/**
 * Holds an answer's body to the schema the merged OpenAPI documents for its operation, status and
 * media type. The services serve OpenAPI 3.0.3 (the version code generators and Swagger UI read
 * best), whose schemas are JSON Schema draft 4 with OpenAPI's additions: a property without
 * {@code nullable: true} must not answer {@code null}, and {@code format} (date, date-time, int32,
 * int64) is asserted, not just noted.
 */
final class ResponseValidator {

    private static final String LOCATION = "https://api-fuzz.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    ResponseValidator(String documentText) {
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(OpenApi30.getInstance())
                        .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                        .schemaLoaders(l -> l.schemas(Map.of(LOCATION, documentText))));
    }

    /** What is wrong with the answer against the documented schema; empty when it holds (or nothing is documented). */
    List<String> violations(ApiSpec.Operation op, Answer answer) {
        JsonNode response = op.response(answer.status());
        JsonNode content = response.path("content");
        if (answer.body().length == 0) {
            return List.of();
        }
        if (content.isMissingNode() || content.isEmpty()) {
            // A success answering JSON the contract says nothing about: clients cannot rely on it.
            return answer.success() && isJson(answer.mediaType())
                    ? List.of("answers " + answer.mediaType() + " but " + answer.status() + " documents no content")
                    : List.of();
        }
        String type = answer.mediaType();
        Optional<String> documented = matching(content, type);
        if (documented.isEmpty()) {
            List<String> keys = new ArrayList<>();
            content.fieldNames().forEachRemaining(keys::add);
            return List.of("media type " + (type.isEmpty() ? "(none)" : type) + " is not documented for "
                    + answer.status() + " (documented: " + String.join(", ", keys) + ")");
        }
        JsonNode schema = content.path(documented.get()).path("schema");
        if (schema.isMissingNode() || schema.isEmpty() || !isJson(type)) {
            return List.of();
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            return List.of("the body is not JSON although " + type + " was answered: " + e.getMessage());
        }
        if (body == null) {
            return List.of("the body is empty although " + type + " was answered");
        }
        String pointer = "/paths/" + escape(op.path()) + "/" + op.method().toLowerCase() + "/responses/"
                + statusKey(op, answer.status()) + "/content/" + escape(documented.get()) + "/schema";
        JsonSchema validator =
                schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(LOCATION + "#" + p), config));
        // One message per place in the schema, not per array element: "/items/*/email: null found, string expected".
        java.util.Set<String> messages = new java.util.TreeSet<>();
        for (ValidationMessage m : validator.validate(body)) {
            messages.add(m.getMessage().replaceAll("/\\d+(?=/|:)", "/*"));
        }
        return new ArrayList<>(messages);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static Optional<String> matching(JsonNode content, String type) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> i = content.fieldNames(); i.hasNext(); ) {
            keys.add(i.next());
        }
        for (String k : keys) {
            if (k.equalsIgnoreCase(type)) {
                return Optional.of(k);
            }
        }
        for (String k : keys) {
            if (k.endsWith("/*") && type.startsWith(k.substring(0, k.length() - 1))) {
                return Optional.of(k);
            }
        }
        return keys.contains("*/*") ? Optional.of("*/*") : Optional.empty();
    }

    private static String statusKey(ApiSpec.Operation op, int status) {
        if (op.responses().containsKey(Integer.toString(status))) {
            return Integer.toString(status);
        }
        return op.responses().containsKey(status / 100 + "XX") ? status / 100 + "XX" : "default";
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
