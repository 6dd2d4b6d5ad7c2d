package org.sharedict.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.sharedict.fuzz.Fixtures.Actor;
import org.sharedict.fuzz.FuzzCase.Verdict;

/**
 * The cases of one operation, from its OpenAPI description and its valid base request: every
 * whole-request case (empty, {@code null}, malformed and over-deep bodies, wrong media types,
 * no or a foreign token, paging that overflows, path parameters of the wrong type or naming
 * nothing, a method the path does not have), then a seeded random sample of the per-field and
 * per-parameter cases (wrong types, missing required fields, numbers too big, negative, fractional
 * or 1,000 digits long, strings too long, bad dates, unknown enum values…) up to the limit.
 * Invalid cases come first and the valid request last, so a record the operation changes is
 * still as the fixtures made it while the invalid ones are tried.
 */
final class CaseGenerator {

    static final String VALID = "valid request";
    static final String DIGITS_1001 = "9".repeat(1001);
    static final int DEPTH = 1_100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "\u0001raw\u0001";
    private static final Set<String> BOOLEAN_LIKE =
            Set.of("available", "manager", "outOfHours", "dryRun", "includeRevoked", "skills");
    private static final Set<String> TIME_LIKE = Set.of("from", "to", "at");
    private static final Set<String> SEARCH = Set.of("q");

    private final ApiSpec spec;
    private final Fixtures fixtures;

    CaseGenerator(ApiSpec spec, Fixtures fixtures) {
        this.spec = spec;
        this.fixtures = fixtures;
    }

    /** The operation's cases: all whole-request ones, then a sample of the rest, {@code limit} in all (at least the whole-request ones). */
    List<FuzzCase> cases(ApiSpec.Operation op, Random random, int limit) {
        List<FuzzCase> core = new ArrayList<>();
        List<FuzzCase> sample = new ArrayList<>();
        bodyCases(op, core, sample);
        parameterCases(op, core, sample);
        authCases(op, core);
        Collections.shuffle(sample, random);
        List<FuzzCase> chosen = new ArrayList<>(core);
        for (FuzzCase c : sample) {
            if (chosen.size() >= limit) {
                break;
            }
            chosen.add(c);
        }
        List<FuzzCase> ordered = new ArrayList<>();
        chosen.stream().filter(c -> c.verdict() == Verdict.REJECT).forEach(ordered::add);
        chosen.stream().filter(c -> c.verdict() == Verdict.ANY).forEach(ordered::add);
        // Another user's attempt, then the valid request itself: its answer is held to the schema too.
        if (fixtures.actorOf(op) == Actor.ADMIN) {
            ordered.add(FuzzCase.any("valid request as a less privileged user", null, r -> r)
                    .as(Actor.ENGINEER));
        }
        ordered.add(FuzzCase.any(VALID, null, r -> r));
        return ordered;
    }

    /** A case for a method the path does not have (405 with Allow), or none when it has them all. */
    FuzzCase wrongMethod(String path) {
        Set<String> methods = spec.methodsOf(path);
        for (String m : List.of("PATCH", "PUT", "DELETE", "POST")) {
            if (!methods.contains(m)) {
                return FuzzCase.reject(
                                "method the path does not have (" + m + ")",
                                null,
                                r -> r.withMethod(m).withBody("{}", "application/json"))
                        .methodNotAllowed();
            }
        }
        return null;
    }

    // ---- bodies

    private void bodyCases(ApiSpec.Operation op, List<FuzzCase> core, List<FuzzCase> sample) {
        if (op.requestBody().isEmpty()) {
            return;
        }
        if (op.requestBody().containsKey("application/x-www-form-urlencoded")) {
            // A form a browser posts (the pages behind e-mail links): whatever arrives is read, never fatal.
            core.add(FuzzCase.any(
                    "bad percent-encoding",
                    "reason",
                    r -> r.withBody("reason=%zz", "application/x-www-form-urlencoded")));
            core.add(FuzzCase.any(
                    "binary garbage",
                    null,
                    r -> r.withBody(
                            new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 10}, "application/x-www-form-urlencoded")));
            core.add(FuzzCase.any(
                    "JSON instead of a form", null, r -> r.withBody("{\"reason\":1}", "application/json")));
            return;
        }
        JsonNode schema = op.jsonBody().map(spec::resolve).orElse(null);
        boolean objectBody = schema != null && (schema.has("properties") || "object".equals(type(schema)));
        Verdict required = op.bodyRequired() ? Verdict.REJECT : Verdict.ANY;
        core.add(new FuzzCase(
                "empty body", null, required, null, r -> r.withBody(new byte[0], r.contentType()), null, false, false));
        if (schema != null) {
            Verdict notJsonObject = objectBody ? Verdict.REJECT : Verdict.ANY;
            core.add(new FuzzCase(
                    "null body",
                    null,
                    objectBody ? Verdict.REJECT : required,
                    null,
                    r -> r.withBody("null", "application/json"),
                    null,
                    false,
                    false));
            core.add(new FuzzCase(
                    "array body",
                    null,
                    notJsonObject,
                    null,
                    r -> r.withBody("[]", "application/json"),
                    null,
                    false,
                    false));
            core.add(FuzzCase.reject("malformed JSON", null, r -> r.withBody("{\"name\": ", "application/json"))
                    .expecting("malformed-json"));
            core.add(FuzzCase.reject(
                    "trailing garbage after the JSON",
                    null,
                    r -> r.withBody(r.bodyText() + " }garbage", "application/json")));
            core.add(FuzzCase.reject(
                    "two JSON values", null, r -> r.withBody(r.bodyText() + r.bodyText(), "application/json")));
            boolean hasRequired =
                    schema.has("required") && !schema.get("required").isEmpty();
            core.add(new FuzzCase(
                    "JSON nested " + DEPTH + " deep",
                    null,
                    hasRequired ? Verdict.REJECT : Verdict.ANY,
                    null,
                    r -> r.withBody(nested(DEPTH), "application/json"),
                    null,
                    false,
                    false));
            core.add(FuzzCase.reject("JSON as text/plain", null, r -> r.withBody(r.body(), "text/plain")));
            core.add(FuzzCase.reject("no Content-Type", null, r -> r.withBody(r.body(), null)));
            if (objectBody) {
                core.add(FuzzCase.any(
                        "1000-digit number in an unknown field",
                        null,
                        r -> r.withBody(
                                r.bodyText().replaceFirst("^\\{", "{\"fuzzNumber\":" + DIGITS_1001 + ","),
                                "application/json")));
                sample.add(FuzzCase.any(
                        "unknown field",
                        "fuzzUnknown",
                        r -> r.withBody(
                                r.bodyText().replaceFirst("^\\{", "{\"fuzzUnknown\":\"x\","), "application/json")));
                sample.add(FuzzCase.any(
                        "duplicate key",
                        null,
                        r -> r.withBody(
                                r.bodyText().replaceFirst("^\\{", "{\"fuzzDup\":1,\"fuzzDup\":2,"),
                                "application/json")));
                sample.add(FuzzCase.any(
                        "JSON in ISO-8859-1", null, r -> r.withBody(r.body(), "application/json; charset=ISO-8859-1")));
                sample.add(FuzzCase.reject(
                        "XML body", null, r -> r.withBody("<fuzz><name>x</name></fuzz>", "application/xml")));
                fieldCases(schema, List.of(), sample);
            }
        } else {
            // CSV import: the file itself is the input.
            core.add(FuzzCase.any(
                    "binary garbage",
                    null,
                    r -> r.withBody(new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 10}, r.contentType())));
            core.add(FuzzCase.reject(
                    "JSON instead of CSV", null, r -> r.withBody("{\"name\":\"x\"}", "application/json")));
            sample.add(FuzzCase.any(
                    "header only",
                    null,
                    r -> r.withBody(r.bodyText().lines().findFirst().orElse("") + "\n", r.contentType())));
            sample.add(FuzzCase.any("missing columns", null, r -> r.withBody("partner,name\nX,Y\n", r.contentType())));
            sample.add(FuzzCase.any(
                    "skill level out of range",
                    null,
                    r -> r.withBody(r.bodyText().replace(":2", ":9"), r.contentType())));
            sample.add(FuzzCase.any(
                    "unterminated quote",
                    null,
                    r -> r.withBody(r.bodyText().replace(",Engineer", ",\"Engineer"), r.contentType())));
            sample.add(FuzzCase.any(
                    "100,000-character cell",
                    null,
                    r -> r.withBody(r.bodyText().replace(",Engineer", "," + "x".repeat(100_000)), r.contentType())));
            sample.add(FuzzCase.any(
                    "Windows-1252 text",
                    null,
                    r -> r.withBody(
                            r.bodyText()
                                    .replace("Fuzz Import", "Zo\u00eb")
                                    .getBytes(java.nio.charset.Charset.forName("windows-1252")),
                            r.contentType())));
            sample.add(FuzzCase.any(
                    "formula in a cell",
                    null,
                    r -> r.withBody(r.bodyText().replace(",Engineer", ",=HYPERLINK(\"x\")"), r.contentType())));
        }
    }

    /** The per-field cases of an object schema, recursing into objects and the first element of arrays. */
    private void fieldCases(JsonNode objectSchema, List<Object> at, List<FuzzCase> out) {
        JsonNode schema = spec.resolve(objectSchema);
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> i = schema.path("properties").fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> p = i.next();
            if (p.getKey().equals("version")) {
                continue; // stale versions are their own business (412/409), tried through If-Match
            }
            List<Object> path = new ArrayList<>(at);
            path.add(p.getKey());
            valueCases(p.getValue(), path, required.contains(p.getKey()), out);
        }
        List<Object> unknown = new ArrayList<>(at);
        unknown.add("fuzzUnknown");
        if (!at.isEmpty()) {
            out.add(FuzzCase.any("unknown field", name(unknown), set(unknown, TextNode.valueOf("x"))));
        }
    }

    private void valueCases(JsonNode raw, List<Object> path, boolean required, List<FuzzCase> out) {
        JsonNode s = spec.resolve(raw);
        String field = name(path);
        String type = type(s);
        boolean nullable = nullable(s);
        if (required) {
            out.add(FuzzCase.reject("required field missing", field, remove(path)));
            out.add(FuzzCase.reject("required field null", field, set(path, NODES.nullNode())));
        } else if (!nullable) {
            out.add(FuzzCase.any("optional field null", field, set(path, NODES.nullNode())));
        }
        if (s.has("enum")) {
            out.add(FuzzCase.reject("unknown enum value", field, set(path, TextNode.valueOf("NOT_A_VALUE"))));
            out.add(FuzzCase.reject("empty enum value", field, set(path, TextNode.valueOf(""))));
            out.add(FuzzCase.any(
                    "enum value in lower case",
                    field,
                    set(path, TextNode.valueOf(s.path("enum").path(0).asText().toLowerCase(Locale.ROOT)))));
            out.add(FuzzCase.reject("number for an enum", field, set(path, NODES.numberNode(1))));
            return;
        }
        switch (type == null ? "" : type) {
            case "integer", "number" -> numberCases(s, type, path, field, out);
            case "string" -> stringCases(s, path, field, out);
            case "boolean" -> {
                out.add(FuzzCase.reject("\"yes\" for a boolean", field, set(path, TextNode.valueOf("yes"))));
                out.add(FuzzCase.reject("number for a boolean", field, set(path, NODES.numberNode(1))));
                out.add(FuzzCase.reject("object for a boolean", field, set(path, NODES.objectNode())));
            }
            case "array" -> arrayCases(s, path, field, out);
            case "object" -> {
                out.add(FuzzCase.reject("string for an object", field, set(path, TextNode.valueOf("x"))));
                out.add(FuzzCase.reject("array for an object", field, set(path, NODES.arrayNode())));
                if (s.has("required") && !s.get("required").isEmpty()) {
                    out.add(FuzzCase.reject("empty object", field, set(path, NODES.objectNode())));
                }
                if (s.has("properties")
                        && !s.path("properties").has("empty")) { // JsonNode's own schema is not an input object
                    fieldCases(s, path, out);
                }
            }
            default -> {}
        }
    }

    private void numberCases(JsonNode s, String type, List<Object> path, String field, List<FuzzCase> out) {
        boolean integer = type.equals("integer");
        Long min = s.has("minimum")
                ? Long.valueOf(s.get("minimum").asLong())
                : s.has("exclusiveMinimum")
                        ? Long.valueOf(s.get("exclusiveMinimum").asLong() + 1)
                        : null;
        Long max = s.has("maximum") ? Long.valueOf(s.get("maximum").asLong()) : null;
        out.add(FuzzCase.reject("string for a number", field, set(path, TextNode.valueOf("abc"))));
        out.add(FuzzCase.reject("boolean for a number", field, set(path, NODES.booleanNode(true))));
        out.add(FuzzCase.reject("object for a number", field, set(path, NODES.objectNode())));
        out.add(FuzzCase.reject("1000-digit number", field, raw(path, DIGITS_1001)));
        out.add(FuzzCase.reject("number beyond 64 bits", field, raw(path, "9223372036854775808")));
        out.add(FuzzCase.reject("number beyond a double (1e400)", field, raw(path, "1e400")));
        if (integer) {
            out.add(FuzzCase.reject("fraction for an integer", field, raw(path, "4.9")));
            if ("int32".equals(s.path("format").asText())) {
                out.add(FuzzCase.reject("number beyond 32 bits", field, raw(path, "2147483648")));
            }
        }
        out.add(new FuzzCase(
                "negative number",
                field,
                min != null && min >= 0 ? Verdict.REJECT : Verdict.ANY,
                null,
                raw(path, "-1"),
                null,
                false,
                false));
        boolean int32 = "int32".equals(s.path("format").asText());
        out.add(new FuzzCase(
                "most negative 64-bit number",
                field,
                min != null || int32 ? Verdict.REJECT : Verdict.ANY,
                null,
                raw(path, Long.toString(Long.MIN_VALUE)),
                null,
                false,
                false));
        out.add(new FuzzCase(
                "largest 64-bit number",
                field,
                max != null || int32 ? Verdict.REJECT : Verdict.ANY,
                null,
                raw(path, Long.toString(Long.MAX_VALUE)),
                null,
                false,
                false));
        if (min != null && min != Long.MIN_VALUE) {
            out.add(FuzzCase.reject("one below the minimum", field, raw(path, Long.toString(min - 1))));
        }
        if (max != null && max != Long.MAX_VALUE) {
            out.add(FuzzCase.reject("one above the maximum", field, raw(path, Long.toString(max + 1))));
        }
    }

    private void stringCases(JsonNode s, List<Object> path, String field, List<FuzzCase> out) {
        String format = s.path("format").asText("");
        String pattern = s.path("pattern").asText(null);
        int maxLength = s.path("maxLength").asInt(-1);
        boolean nonBlank = "\\S".equals(pattern) || s.path("minLength").asInt(0) > 0 || !format.isEmpty();
        out.add(FuzzCase.reject("number for a string", field, set(path, NODES.numberNode(12345))));
        out.add(FuzzCase.reject("object for a string", field, set(path, NODES.objectNode())));
        out.add(FuzzCase.reject(
                "array for a string", field, set(path, NODES.arrayNode().add("x"))));
        out.add(FuzzCase.reject("boolean for a string", field, set(path, NODES.booleanNode(false))));
        out.add(new FuzzCase(
                "empty string",
                field,
                nonBlank
                                || pattern != null
                                        && !Pattern.compile(pattern).matcher("").find()
                        ? Verdict.REJECT
                        : Verdict.ANY,
                null,
                set(path, TextNode.valueOf("")),
                null,
                false,
                false));
        if ("\\S".equals(pattern)) {
            out.add(FuzzCase.reject("blank string", field, set(path, TextNode.valueOf("   "))));
        }
        if (maxLength > 0) {
            out.add(FuzzCase.reject(
                    "one character too long (" + (maxLength + 1) + ")",
                    field,
                    set(path, TextNode.valueOf("x".repeat(maxLength + 1)))));
        }
        String huge = "x".repeat(100_000);
        out.add(new FuzzCase(
                "100,000-character string",
                field,
                maxLength > 0 || pattern != null && !matches(pattern, huge) ? Verdict.REJECT : Verdict.ANY,
                null,
                set(path, TextNode.valueOf(huge)),
                null,
                false,
                false));
        if (pattern != null && !"\\S".equals(pattern)) {
            for (String candidate : List.of("!#", "a b c", "\u00ff\u00fe")) {
                if (!matches(pattern, candidate)) {
                    out.add(FuzzCase.reject(
                            "string not matching " + pattern, field, set(path, TextNode.valueOf(candidate))));
                    break;
                }
            }
        }
        switch (format) {
            case "date" -> {
                out.add(FuzzCase.reject(
                        "impossible date (30 February)", field, set(path, TextNode.valueOf("2026-02-30"))));
                out.add(FuzzCase.reject("date in another format", field, set(path, TextNode.valueOf("31/12/2026"))));
                out.add(FuzzCase.reject(
                        "date-time for a date", field, set(path, TextNode.valueOf("2026-12-31T10:00:00Z"))));
                out.add(FuzzCase.reject(
                        "date beyond year 9999", field, set(path, TextNode.valueOf("+1000000000-01-01"))));
            }
            case "date-time" -> {
                out.add(FuzzCase.reject(
                        "impossible time (25:00)", field, set(path, TextNode.valueOf("2026-12-31T25:00:00Z"))));
                out.add(FuzzCase.reject("date for a date-time", field, set(path, TextNode.valueOf("2026-12-31"))));
                out.add(FuzzCase.reject(
                        "date-time without an offset", field, set(path, TextNode.valueOf("2026-12-31T10:00:00"))));
                out.add(FuzzCase.reject("words for a date-time", field, set(path, TextNode.valueOf("tomorrow"))));
                out.add(FuzzCase.reject(
                        "date-time beyond year 9999",
                        field,
                        set(path, TextNode.valueOf("+1000000000-01-01T00:00:00Z"))));
            }
            case "local-time" -> {
                out.add(FuzzCase.reject("impossible time (25:00)", field, set(path, TextNode.valueOf("25:00"))));
                out.add(FuzzCase.reject("time in words", field, set(path, TextNode.valueOf("9am"))));
            }
            default -> {
                String leaf = path.get(path.size() - 1).toString().toLowerCase(Locale.ROOT);
                if (leaf.contains("email")) {
                    out.add(FuzzCase.reject(
                            "not an e-mail address", field, set(path, TextNode.valueOf("not-an-email"))));
                }
                if (leaf.equals("delay") || leaf.equals("rotationlength")) {
                    out.add(FuzzCase.reject("not a duration", field, set(path, TextNode.valueOf("soon"))));
                    out.add(FuzzCase.any("negative duration", field, set(path, TextNode.valueOf("-P1D"))));
                    out.add(FuzzCase.any("enormous duration", field, set(path, TextNode.valueOf("P1000000000Y"))));
                }
                out.add(FuzzCase.any("control characters", field, set(path, TextNode.valueOf("nul\u0000bell\u0007"))));
                out.add(FuzzCase.any(
                        "markup and quotes",
                        field,
                        set(path, TextNode.valueOf("<script>alert('x')</script>\"; DROP TABLE x; --"))));
            }
        }
    }

    private void arrayCases(JsonNode s, List<Object> path, String field, List<FuzzCase> out) {
        int minItems = s.path("minItems").asInt(0);
        int maxItems = s.path("maxItems").asInt(-1);
        JsonNode items = spec.resolve(s.path("items"));
        out.add(FuzzCase.reject("object for an array", field, set(path, NODES.objectNode())));
        out.add(FuzzCase.reject("string for an array", field, set(path, TextNode.valueOf("x"))));
        out.add(new FuzzCase(
                "empty array",
                field,
                minItems > 0 ? Verdict.REJECT : Verdict.ANY,
                null,
                set(path, NODES.arrayNode()),
                null,
                false,
                false));
        out.add(FuzzCase.reject(
                "array nested " + DEPTH + " deep", field, raw(path, "[".repeat(DEPTH) + "]".repeat(DEPTH))));
        out.add(FuzzCase.reject(
                "null element", field + "[0]", set(path, NODES.arrayNode().addNull())));
        String itemType = type(items);
        if ("integer".equals(itemType) || "number".equals(itemType)) {
            out.add(FuzzCase.reject(
                    "string element in a number array",
                    field + "[0]",
                    set(path, NODES.arrayNode().add("abc"))));
            out.add(FuzzCase.reject("1000-digit element", field + "[0]", raw(path, "[" + DIGITS_1001 + "]")));
        } else if ("string".equals(itemType) && !items.has("enum")) {
            out.add(FuzzCase.reject(
                    "object element in a string array",
                    field + "[0]",
                    set(path, NODES.arrayNode().add(NODES.objectNode()))));
        }
        if (maxItems > 0) {
            out.add(FuzzCase.reject("one element too many (" + (maxItems + 1) + ")", field, r -> {
                JsonNode body = parse(r);
                JsonNode current = at(body, path);
                ArrayNode many = NODES.arrayNode();
                JsonNode first = current != null && current.isArray() && !current.isEmpty()
                        ? current.get(0)
                        : TextNode.valueOf("x");
                for (int i = 0; i <= maxItems; i++) {
                    many.add(
                            first.isIntegralNumber()
                                    ? NODES.numberNode(first.asLong() + i)
                                    : first.isTextual() ? TextNode.valueOf(first.asText() + i) : first.deepCopy());
                }
                return r.withBody(write(replace(body, path, many)), r.contentType());
            }));
        }
        if (items.has("properties")) {
            List<Object> first = new ArrayList<>(path);
            first.add(0);
            fieldCases(items, first, out);
        }
    }

    // ---- query, path and header parameters

    private void parameterCases(ApiSpec.Operation op, List<FuzzCase> core, List<FuzzCase> sample) {
        for (ApiSpec.Parameter p : op.parameters("path")) {
            pathCases(op, p, core, sample);
        }
        for (ApiSpec.Parameter p : op.parameters("query")) {
            queryCases(p, core, sample);
        }
        if (!op.parameters("query").isEmpty()) {
            sample.add(FuzzCase.any("unknown query parameter", "fuzz", query("fuzz", "1")));
        }
        op.parameter("If-Match", "header").ifPresent(p -> {
            core.add(FuzzCase.reject("stale If-Match", "If-Match", r -> r.withHeader("If-Match", "\"987654321\"")));
            sample.add(FuzzCase.reject("malformed If-Match", "If-Match", r -> r.withHeader("If-Match", "not-an-etag")));
            sample.add(FuzzCase.reject(
                    "If-Match beyond 64 bits", "If-Match", r -> r.withHeader("If-Match", "\"" + DIGITS_1001 + "\"")));
        });
    }

    private void pathCases(ApiSpec.Operation op, ApiSpec.Parameter p, List<FuzzCase> core, List<FuzzCase> sample) {
        String name = p.name();
        UnaryOperator<String> base = v -> fixtures.path(op, Map.of(name, v));
        if (name.equals("provider")) {
            // An identity provider's callback checks its sign-in state first: for an unknown provider that
            // is what is wrong, and a bad request there.
            core.add(FuzzCase.reject("unknown identity provider", null, r -> r.withPath(base.apply("ZZNOPE"))));
            sample.add(FuzzCase.reject(
                    "1000-character identity provider", null, r -> r.withPath(base.apply("x".repeat(1000)))));
            return;
        }
        if ("integer".equals(type(p.schema()))) {
            core.add(FuzzCase.reject("path parameter naming no record", name, r -> r.withPath(base.apply("987654321")))
                    .expecting("not-found"));
            core.add(FuzzCase.reject("word for a numeric path parameter", name, r -> r.withPath(base.apply("abc"))));
            core.add(FuzzCase.reject("1000-digit path parameter", name, r -> r.withPath(base.apply(DIGITS_1001))));
            sample.add(FuzzCase.reject("negative path parameter", name, r -> r.withPath(base.apply("-1"))));
            sample.add(FuzzCase.reject("zero path parameter", name, r -> r.withPath(base.apply("0"))));
            sample.add(FuzzCase.reject("fraction path parameter", name, r -> r.withPath(base.apply("1.5"))));
            sample.add(FuzzCase.reject(
                    "path parameter beyond 64 bits", name, r -> r.withPath(base.apply("9223372036854775808"))));
        } else {
            core.add(FuzzCase.reject(
                            "path parameter naming no record",
                            name,
                            r -> r.withPath(base.apply(name.equals("token") ? "Zz" + "0".repeat(40) : "ZZNOPE")))
                    .expecting("not-found"));
            sample.add(FuzzCase.reject("path parameter with % and _", name, r -> r.withPath(base.apply("%_%"))));
            sample.add(FuzzCase.reject(
                    "1000-character path parameter", name, r -> r.withPath(base.apply("x".repeat(1000)))));
        }
    }

    private void queryCases(ApiSpec.Parameter p, List<FuzzCase> core, List<FuzzCase> sample) {
        String name = p.name();
        JsonNode s = spec.resolve(p.schema());
        String type = type(s);
        if (name.equals("page")) {
            core.add(FuzzCase.any("page=2147483647", name, query(name, "2147483647")));
            core.add(FuzzCase.reject("page=-1", name, query(name, "-1")));
            core.add(FuzzCase.reject("page=abc", name, query(name, "abc")));
            return;
        }
        if (name.equals("size")) {
            core.add(FuzzCase.reject("size=-1", name, query(name, "-1")));
            sample.add(FuzzCase.reject("size=0", name, query(name, "0")));
            sample.add(FuzzCase.reject(
                    "size above the maximum",
                    name,
                    query(name, Long.toString(s.path("maximum").asLong(500) + 1))));
            sample.add(FuzzCase.reject("size=2147483648", name, query(name, "2147483648")));
            return;
        }
        if (s.has("enum")) {
            sample.add(FuzzCase.reject("unknown enum value", name, query(name, "LOST")));
            sample.add(FuzzCase.any(
                    "enum value in lower case",
                    name,
                    query(name, s.path("enum").path(0).asText().toLowerCase(Locale.ROOT))));
            return;
        }
        if ("integer".equals(type) || "number".equals(type)) {
            sample.add(FuzzCase.reject("word for a number", name, query(name, "abc")));
            sample.add(FuzzCase.reject("fraction for an integer", name, query(name, "1.5")));
            sample.add(FuzzCase.reject("1000-digit number", name, query(name, DIGITS_1001)));
            sample.add(new FuzzCase(
                    "2147483647",
                    name,
                    s.has("maximum") ? Verdict.REJECT : Verdict.ANY,
                    null,
                    query(name, "2147483647"),
                    null,
                    false,
                    false));
            sample.add(new FuzzCase(
                    "negative number",
                    name,
                    s.has("minimum") ? Verdict.REJECT : Verdict.ANY,
                    null,
                    query(name, "-1"),
                    null,
                    false,
                    false));
            if (s.has("maximum")) {
                sample.add(FuzzCase.reject(
                        "one above the maximum",
                        name,
                        query(name, Long.toString(s.get("maximum").asLong() + 1))));
            }
            return;
        }
        if ("boolean".equals(type) || BOOLEAN_LIKE.contains(name)) {
            sample.add(FuzzCase.reject("\"maybe\" for a boolean", name, query(name, "maybe")));
            return;
        }
        if (TIME_LIKE.contains(name)) {
            sample.add(FuzzCase.reject("words for a time", name, query(name, "tomorrow")));
            sample.add(FuzzCase.reject("impossible date (30 February)", name, query(name, "2026-02-30T00:00:00Z")));
            // The parameter is a plain string in the contract: refusing is right, answering is not wrong; a 5xx is.
            sample.add(FuzzCase.any("time beyond year 9999", name, query(name, "+1000000000-01-01T00:00:00Z")));
            core.add(FuzzCase.any("a range of ten thousand years", name, r -> {
                Map<String, String> q = new LinkedHashMap<>(r.query());
                q.put("from", "0001-01-01T00:00:00Z");
                q.put("to", "9999-12-31T23:59:59Z");
                return r.withQuery(q);
            }));
            return;
        }
        switch (name) {
            case "sort" -> {
                core.add(FuzzCase.reject("unknown sort key", name, query(name, "fuzzNoSuchKey")));
                sample.add(FuzzCase.reject("sort of a lone minus", name, query(name, "-")));
            }
            case "format", "period", "layer", "status", "match" ->
                sample.add(FuzzCase.reject("unknown value", name, query(name, "FUZZ_NOPE")));
            default -> {
                if (SEARCH.contains(name)) {
                    core.add(
                            FuzzCase.any("search for %", name, query(name, "%")).wildcard());
                    core.add(
                            FuzzCase.any("search for _", name, query(name, "_")).wildcard());
                }
                sample.add(FuzzCase.any("% and _ in a text parameter", name, query(name, "%_")));
                sample.add(new FuzzCase(
                        "5,000-character text parameter",
                        name,
                        s.has("maxLength") ? Verdict.REJECT : Verdict.ANY,
                        null,
                        query(name, "x".repeat(5000)),
                        null,
                        false,
                        false));
                sample.add(FuzzCase.any("control characters in a text parameter", name, query(name, "nul\u0000")));
            }
        }
    }

    private void authCases(ApiSpec.Operation op, List<FuzzCase> core) {
        if (op.secured()) {
            core.add(FuzzCase.reject("no credentials", null, r -> r).as(Actor.NONE));
            core.add(FuzzCase.reject(
                            "a token that is not a JWT", null, r -> r.withHeader("Authorization", "Bearer not.a.token"))
                    .as(Actor.NONE));
        }
    }

    // ---- JSON editing

    private static UnaryOperator<Request> query(String name, String value) {
        return r -> {
            Map<String, String> q = new LinkedHashMap<>(r.query());
            q.put(name, value);
            return r.withQuery(q);
        };
    }

    private static UnaryOperator<Request> set(List<Object> path, JsonNode value) {
        return r -> r.withBody(write(replace(parse(r), path, value)), r.contentType());
    }

    /** Puts raw JSON text (a number Jackson's tree could not hold, nesting it would refuse) at the path. */
    private static UnaryOperator<Request> raw(List<Object> path, String json) {
        return r -> r.withBody(
                write(replace(parse(r), path, TextNode.valueOf(RAW))).replace(quoted(RAW), json), r.contentType());
    }

    private static UnaryOperator<Request> remove(List<Object> path) {
        return r -> {
            JsonNode body = parse(r);
            JsonNode parent = at(body, path.subList(0, path.size() - 1));
            if (parent instanceof ObjectNode o) {
                o.remove((String) path.get(path.size() - 1));
            }
            return r.withBody(write(body), r.contentType());
        };
    }

    private static JsonNode replace(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof Integer n ? parent.path(n) : parent.path((String) step);
            if (next.isMissingNode() || next.isNull()) {
                // The base leaves this optional part out: make it, so the change has somewhere to go.
                next = path.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                attach(parent, step, next);
            }
            parent = next;
        }
        attach(parent, path.get(path.size() - 1), value);
        return body;
    }

    private static void attach(JsonNode parent, Object step, JsonNode value) {
        if (parent instanceof ObjectNode o && step instanceof String name) {
            o.set(name, value);
        } else if (parent instanceof ArrayNode a && step instanceof Integer n) {
            while (a.size() <= n) {
                a.add(NODES.objectNode());
            }
            a.set(n, value);
        }
    }

    private static JsonNode at(JsonNode body, List<Object> path) {
        JsonNode n = body;
        for (Object step : path) {
            n = step instanceof Integer i ? n.path(i) : n.path((String) step);
        }
        return n.isMissingNode() ? null : n;
    }

    private static JsonNode parse(Request r) {
        try {
            return Client.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the base body of " + r.method() + " " + r.path() + " is not JSON", e);
        }
    }

    private static String write(JsonNode node) {
        return Client.write(node);
    }

    private static String quoted(String text) {
        return Client.write(TextNode.valueOf(text));
    }

    static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** The field as the API names it in problems: {@code layers[0].members}. */
    static String name(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(step);
            }
        }
        return b.toString();
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isTextual()) {
            return t.asText();
        }
        for (JsonNode e : t) {
            if (!e.asText().equals("null")) {
                return e.asText();
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("enum") ? "string" : null;
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode e : t) {
                if (e.asText().equals("null")) {
                    return true;
                }
            }
        }
        return schema.path("nullable").asBoolean(false);
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }
}
