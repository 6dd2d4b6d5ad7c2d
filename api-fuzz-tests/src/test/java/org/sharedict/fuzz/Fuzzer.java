package org.sharedict.fuzz;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.sharedict.fuzz.Finding.Kind;
import org.sharedict.fuzz.Fixtures.Actor;

/**
 * Sends an operation's cases one by one and holds every answer to the contract (see {@link Kind}),
 * fingerprinting the databases just before and after each request: a request answered 4xx/5xx must
 * leave them as they were.
 * After an accepted write it waits until the databases are still (a page, a reminder run) so that
 * work a request started is not blamed on the next one.
 */
final class Fuzzer {

    private static final Duration SETTLE_BOUND = Duration.ofSeconds(5);

    private final ApiSpec spec;
    private final Client client;
    private final Fixtures fixtures;
    private final ResponseValidator validator;
    private final DatabaseWatch database;
    private final CaseGenerator generator;
    private final Report report;
    private final long seed;
    // Request IDs of this run: a service log kept from an earlier run does not mix its lines in.
    private final String run = Long.toString(System.currentTimeMillis() % 1_679_616, 36);
    private final Set<String> pathsTried = new HashSet<>();
    private int counter;

    Fuzzer(
            ApiSpec spec,
            Client client,
            Fixtures fixtures,
            ResponseValidator validator,
            DatabaseWatch database,
            Report report,
            long seed) {
        this.spec = spec;
        this.client = client;
        this.fixtures = fixtures;
        this.validator = validator;
        this.database = database;
        this.generator = new CaseGenerator(spec, fixtures);
        this.report = report;
        this.seed = seed;
    }

    /** Sends the operation's cases; answers the findings (also recorded in the report). */
    List<Finding> fuzz(ApiSpec.Operation op, int index, int limit, boolean overBudget) throws SQLException {
        // Seeded by the operation's name: choosing fewer operations does not change another's cases.
        List<FuzzCase> cases =
                new ArrayList<>(generator.cases(op, new Random(seed ^ op.key().hashCode()), limit));
        if (overBudget && cases.size() > limit) {
            FuzzCase valid = cases.get(cases.size() - 1);
            cases.subList(limit - 1, cases.size()).clear();
            cases.add(valid);
        }
        if (pathsTried.add(op.path())) {
            Optional.ofNullable(generator.wrongMethod(op.path())).ifPresent(c -> cases.add(0, c));
        }
        List<Finding> findings = new ArrayList<>();
        Versions versions = new Versions();
        for (int i = 0; i < cases.size(); i++) {
            FuzzCase c = cases.get(i);
            Request base = base(op, ++counter, versions);
            Request request = c.change().apply(base);
            Actor actor = c.actor() != null ? c.actor() : fixtures.actorOf(op);
            String requestId = "fuzz-" + run + "-" + index + "-" + i;
            String token = fixtures.token(actor);
            // Taken right before sending, so background work (the e-mail outbox, a page falling due) done
            // since the last request is not blamed on this one.
            Map<String, String> before = database == null ? null : database.fingerprint();
            Answer answer = client.send(request, token, requestId);
            List<Finding> found = check(op, c, request, actor, answer, requestId);
            if (database != null) {
                Map<String, String> after = database.fingerprint();
                if (answer.success() && !request.method().equals("GET")) {
                    after = settle(after);
                }
                List<String> changed = DatabaseWatch.changed(before, after);
                if ((answer.rejected() || answer.status() == 0) && !changed.isEmpty()) {
                    if (busy(changed)) {
                        report.note(requestId + " (" + op.key() + ", " + c.label() + ", answered " + answer.status()
                                + "): " + String.join(", ", changed)
                                + " changed, but also kept changing with no request (background work)");
                    } else {
                        found.add(finding(
                                Kind.WRITE_BY_REJECTED,
                                op,
                                c,
                                request,
                                actor,
                                answer,
                                requestId,
                                "changed " + DatabaseWatch.describe(changed, before, after)));
                    }
                }
            }
            if (answer.success() && !request.method().equals("GET")) {
                versions.clear();
            }
            report.answered(op, c, answer, requestId, describe(request, actor));
            found.forEach(report::add);
            findings.addAll(found);
        }
        return findings;
    }

    /** The operation's valid request, with a fresh version of the record it edits where it needs one. */
    private Request base(ApiSpec.Operation op, int n, Versions versions) {
        String path = fixtures.path(op, Map.of());
        boolean versioned = op.method().equals("PUT") || path.endsWith("/close") || path.endsWith("/rebase");
        String version = versioned ? versions.of(path).version : null;
        Optional<String> body = fixtures.baseBody(op, n, version);
        Request r = new Request(op.method(), path, fixtures.baseQuery(op), Map.of(), null, null);
        if (body.isPresent()) {
            r = r.withBody(body.get(), fixtures.contentType(op));
        }
        if (op.parameter("If-Match", "header").isPresent()
                && (body.isEmpty() || !body.get().contains("\"version\""))) {
            String etag = versions.of(path).etag;
            if (etag != null) {
                r = r.withHeader("If-Match", etag);
            }
        }
        return r;
    }

    /** The version and ETag of the record a path edits, read once per operation and again after each accepted write. */
    private final class Versions {
        private final Map<String, Version> known = new LinkedHashMap<>();

        Version of(String path) {
            return known.computeIfAbsent(path, this::read);
        }

        void clear() {
            known.clear();
        }

        private Version read(String path) {
            String p = path;
            boolean stripped = false;
            for (int i = 0; i < 3 && p.lastIndexOf('/') > 0; i++) {
                Answer a = client.send(Request.of("GET", p), fixtures.token(Actor.ADMIN), null);
                if (a.status() == 200) {
                    String etag = a.headers().firstValue("ETag").orElse(null);
                    try {
                        JsonNode body = Client.JSON.readTree(a.body());
                        String last = path.substring(path.lastIndexOf('/') + 1);
                        JsonNode owner = stripped ? find(body, last, true) : body;
                        JsonNode v = owner == null ? body.path("version") : owner.path("version");
                        return new Version(v.isMissingNode() || v.isNull() ? null : v.asText(), etag);
                    } catch (IOException e) {
                        return new Version(null, etag);
                    }
                }
                p = p.substring(0, p.lastIndexOf('/'));
                stripped = true;
            }
            return new Version(null, null);
        }

        /** The object below the root whose id is {@code id} (a step in an invocation). */
        private JsonNode find(JsonNode node, String id, boolean root) {
            if (node.isObject() && !root && node.path("id").asText().equals(id) && node.has("version")) {
                return node;
            }
            for (JsonNode child : node) {
                JsonNode f = find(child, id, false);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
    }

    private record Version(String version, String etag) {}

    /**
     * Whether any of the tables changes within a second and a half with no request: the platform
     * is at work on them by itself (the e-mail outbox sending a queue of pages and shift notices),
     * so a change seen during a refused request cannot be laid at its door.
     */
    private boolean busy(List<String> tables) throws SQLException {
        Map<String, String> start = database.fingerprint();
        try {
            Awaitility.await("background work on " + tables)
                    .atMost(Duration.ofMillis(1500))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        Map<String, String> now = database.fingerprint();
                        return tables.stream().anyMatch(t -> !java.util.Objects.equals(start.get(t), now.get(t)));
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private Map<String, String> settle(Map<String, String> first) throws SQLException {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(first);
        try {
            Awaitility.await("the databases still after an accepted write")
                    .atMost(SETTLE_BOUND)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(() -> {
                        Map<String, String> now = database.fingerprint();
                        return now.equals(last.getAndSet(now));
                    });
        } catch (ConditionTimeoutException e) {
            report.unsettled();
        }
        return last.get();
    }

    private List<Finding> check(
            ApiSpec.Operation op, FuzzCase c, Request request, Actor actor, Answer answer, String requestId) {
        List<Finding> found = new ArrayList<>();
        int status = answer.status();
        if (status == 0) {
            found.add(finding(Kind.NO_ANSWER, op, c, request, actor, answer, requestId, answer.failure()));
            return found;
        }
        if (status >= 500) {
            found.add(finding(Kind.SERVER_ERROR, op, c, request, actor, answer, requestId, "answered " + status));
            return found;
        }
        if (c.wrongMethod()) {
            if (status != 405 || answer.headers().firstValue("Allow").isEmpty()) {
                found.add(finding(
                        Kind.METHOD_NOT_ALLOWED,
                        op,
                        c,
                        request,
                        actor,
                        answer,
                        requestId,
                        status == 405 ? "405 without an Allow header" : "answered " + status + " instead of 405"));
            }
            return found;
        }
        if (!op.documents(status)) {
            found.add(finding(
                    Kind.UNDOCUMENTED_STATUS,
                    op,
                    c,
                    request,
                    actor,
                    answer,
                    requestId,
                    status + " is not documented (documented: "
                            + String.join(", ", op.responses().keySet()) + ")"));
        }
        List<String> violations = validator.violations(op, answer);
        if (!violations.isEmpty()) {
            found.add(finding(
                    Kind.SCHEMA_VIOLATION, op, c, request, actor, answer, requestId, String.join("; ", violations)));
        }
        if (status >= 400) {
            problemChecks(op, c, request, actor, answer, requestId, found);
        } else if (c.verdict() == FuzzCase.Verdict.REJECT) {
            found.add(finding(Kind.ACCEPTED_INVALID, op, c, request, actor, answer, requestId, "answered " + status));
        }
        if (c.wildcardSearch() && status == 200) {
            try {
                JsonNode body = Client.JSON.readTree(answer.body());
                long hits = body.has("totalItems")
                        ? body.get("totalItems").asLong()
                        : body.path("items").size();
                if (hits > 0) {
                    found.add(finding(
                            Kind.WILDCARD_SEARCH, op, c, request, actor, answer, requestId, hits + " records found"));
                }
            } catch (IOException e) {
                // not JSON: the schema check says so
            }
        }
        return found;
    }

    private void problemChecks(
            ApiSpec.Operation op,
            FuzzCase c,
            Request request,
            Actor actor,
            Answer answer,
            String requestId,
            List<Finding> found) {
        JsonNode problem = null;
        try {
            problem = answer.body().length == 0 ? null : Client.JSON.readTree(answer.body());
        } catch (IOException e) {
            // reported below
        }
        boolean isProblem = answer.mediaType().equals("application/problem+json")
                && problem != null
                && problem.isObject()
                && problem.path("type").isTextual()
                && problem.path("title").isTextual()
                && problem.path("status").asInt() == answer.status();
        if (!isProblem) {
            found.add(finding(
                    Kind.NOT_A_PROBLEM,
                    op,
                    c,
                    request,
                    actor,
                    answer,
                    requestId,
                    "media type " + (answer.mediaType().isEmpty() ? "(none)" : answer.mediaType())
                            + (problem == null
                                    ? ", no JSON body"
                                    : problem.isObject() ? ", type/title/status missing or wrong" : "")));
            return;
        }
        String type = problem.path("type").asText();
        if (c.expectedProblem() != null && !type.endsWith(":" + c.expectedProblem()) && answer.status() < 500) {
            found.add(finding(
                    Kind.WRONG_PROBLEM,
                    op,
                    c,
                    request,
                    actor,
                    answer,
                    requestId,
                    "type " + type + " where " + c.expectedProblem() + " is documented"));
        } else if (answer.status() == 400
                && c.target() != null
                && c.verdict() == FuzzCase.Verdict.REJECT
                && !names(problem, c.target())) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            found.add(finding(
                    Kind.WRONG_PROBLEM,
                    op,
                    c,
                    request,
                    actor,
                    answer,
                    requestId,
                    "does not name " + c.target() + " (errors[].field: " + fields + ", detail: "
                            + problem.path("detail").asText() + ")"));
        }
    }

    /** Whether the problem names the field or parameter: in errors[].field (as a path or its last part) or in the detail. */
    static boolean names(JsonNode problem, String target) {
        String leaf = target.replaceAll("\\[\\d+]", "");
        leaf = leaf.substring(leaf.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (JsonNode e : problem.path("errors")) {
            String field = e.path("field").asText().toLowerCase(Locale.ROOT);
            if (field.equals(target.toLowerCase(Locale.ROOT)) || field.contains(leaf)) {
                return true;
            }
        }
        return problem.path("detail").asText().toLowerCase(Locale.ROOT).contains(leaf)
                || problem.path("parameter").asText().toLowerCase(Locale.ROOT).contains(leaf);
    }

    private Finding finding(
            Kind kind,
            ApiSpec.Operation op,
            FuzzCase c,
            Request request,
            Actor actor,
            Answer answer,
            String requestId,
            String detail) {
        return new Finding(
                kind,
                op.key(),
                c.label(),
                c.target(),
                answer.status(),
                detail,
                describe(request, actor),
                describe(answer),
                requestId);
    }

    static String describe(Request r, Actor actor) {
        StringBuilder b = new StringBuilder();
        b.append(r.method()).append(' ').append(shorten(r.target(), 300)).append('\n');
        b.append("(as ").append(actor.name().toLowerCase(Locale.ROOT)).append(')');
        r.headers().forEach((k, v) -> b.append("  ").append(k).append(": ").append(shorten(v, 80)));
        if (r.contentType() != null) {
            b.append("  Content-Type: ").append(r.contentType());
        }
        if (r.body() != null) {
            b.append('\n').append(r.body().length == 0 ? "(empty body)" : shorten(r.bodyText(), 600));
        }
        return b.toString();
    }

    static String describe(Answer a) {
        if (a.status() == 0) {
            return "(no answer after " + a.millis() + " ms: " + a.failure() + ")";
        }
        String allow = a.headers().firstValue("Allow").map(v -> "  Allow: " + v).orElse("");
        return a.status() + " " + (a.mediaType().isEmpty() ? "(no Content-Type)" : a.mediaType()) + allow
                + (a.body().length == 0 ? "" : "\n" + shorten(a.text(), 700));
    }

    /**
     * Long text cut in the middle, saying how long it was, so a 100,000-character string stays
     * readable; control characters shown as escapes.
     */
    static String shorten(String s, int max) {
        String cut = s.length() <= max
                ? s
                : s.substring(0, max * 2 / 3) + " …(" + String.format("%,d", s.length()) + " characters)… "
                        + s.substring(s.length() - max / 4);
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\n' || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
