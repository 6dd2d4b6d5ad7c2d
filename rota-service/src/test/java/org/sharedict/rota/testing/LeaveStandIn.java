package org.sharedict.rota.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * skills-service's leave as the stub answers it: {@code GET /api/people/leave?from=},
 * {@code POST /api/people/{id}/leave}, {@code DELETE /api/people/{id}/leave/{leaveId}}, keeping the
 * periods in memory as skills-service keeps them in its table (docs/API.md), so rota-service's
 * copy can be checked against what "skills-service" holds. Tests add periods "entered in
 * skills-service" with {@link #enteredInSkills}.
 */
public class LeaveStandIn implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "leave-stand-in";

    public record Period(long id, long personId, Instant start, Instant end, String reason, String createdBy) {}

    private static final Pattern ADD = Pattern.compile("/api/people/(\\d+)/leave");
    private static final Pattern REMOVE = Pattern.compile("/api/people/(\\d+)/leave/(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(7_000_000);
    private static final Map<Long, Period> PERIODS = new ConcurrentHashMap<>();

    /** The stub routes every leave path here. */
    public static void register(com.github.tomakehurst.wiremock.WireMockServer server) {
        server.stubFor(any(urlPathMatching("/api/people/(leave|\\d+/leave(/\\d+)?)"))
                .atPriority(5)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    /** A period as if entered on the skills-service profile screen. */
    public static Period enteredInSkills(long personId, Instant start, Instant end, String reason) {
        Period p = new Period(IDS.incrementAndGet(), personId, start, end, reason, "someone.in.skills");
        PERIODS.put(p.id(), p);
        return p;
    }

    public static void removeInSkills(long id) {
        PERIODS.remove(id);
    }

    /** The periods skills-service holds for a person, earliest first. */
    public static List<Period> of(long personId) {
        return PERIODS.values().stream()
                .filter(p -> p.personId() == personId)
                .sorted(Comparator.comparing(Period::start))
                .toList();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        String path = r.getUrl().replaceFirst("\\?.*$", "");
        try {
            return switch (r.getMethod().getName()) {
                case "GET" -> list(r);
                case "POST" -> add(path, r);
                case "DELETE" -> remove(path);
                default -> json(405, "{}");
            };
        } catch (Exception e) {
            return json(
                    400,
                    "{\"type\": \"urn:sharedict:problem:validation-failed\", \"status\": 400, \"detail\": \""
                            + e.getMessage() + "\"}");
        }
    }

    private static ResponseDefinition list(Request r) {
        String from =
                r.queryParameter("from").isPresent() ? r.queryParameter("from").firstValue() : "1970-01-01T00:00:00Z";
        Instant f = Instant.parse(from);
        ArrayNode out = JSON.createArrayNode();
        List<Period> all = new ArrayList<>(PERIODS.values());
        all.sort(Comparator.comparing(Period::start).thenComparing(Period::id));
        for (Period p : all) {
            if (p.end().isAfter(f)) {
                out.add(node(p));
            }
        }
        return json(200, out.toString());
    }

    private static ResponseDefinition add(String path, Request r) throws Exception {
        Matcher m = ADD.matcher(path);
        if (!m.matches()) {
            return json(404, "{}");
        }
        JsonNode body = JSON.readTree(r.getBodyAsString());
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : null;
        Period p = new Period(
                IDS.incrementAndGet(),
                Long.parseLong(m.group(1)),
                Instant.parse(body.get("start").asText()),
                Instant.parse(body.get("end").asText()),
                reason,
                "via-rota");
        PERIODS.put(p.id(), p);
        return json(201, node(p).toString());
    }

    private static ResponseDefinition remove(String path) {
        Matcher m = REMOVE.matcher(path);
        if (!m.matches()) {
            return json(404, "{}");
        }
        Period p = PERIODS.get(Long.parseLong(m.group(2)));
        if (p == null || p.personId() != Long.parseLong(m.group(1))) {
            return json(404, "{\"type\": \"urn:sharedict:problem:not-found\", \"status\": 404}");
        }
        PERIODS.remove(p.id());
        return aResponse().withStatus(204).build();
    }

    private static ObjectNode node(Period p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.id());
        n.put("personId", p.personId());
        n.put("partner", "BBC");
        n.put("name", "someone");
        n.put("start", p.start().toString());
        n.put("end", p.end().toString());
        if (p.reason() == null) {
            n.putNull("reason");
        } else {
            n.put("reason", p.reason());
        }
        n.put("createdBy", p.createdBy());
        n.put("createdAt", Instant.now().toString());
        return n;
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body)
                .build();
    }
}
