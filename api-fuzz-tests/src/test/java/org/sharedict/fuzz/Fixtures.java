package org.sharedict.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The records the fuzzer's path parameters point at, made through the gateway before fuzzing (a
 * partner, people, a skill, a rota, a policy, an incident, a DR template and plans, users, an API
 * key…), and for every operation a request that is valid against them: the base each generated
 * case changes one thing of. Who sends what is decided here too (see {@link Actor}).
 */
final class Fixtures {

    /** Who sends a request. The victim is a user of its own for sign-in, sign-out and password changes. */
    enum Actor {
        ADMIN,
        ENGINEER,
        VICTIM,
        NONE
    }

    static final String PASSWORD = "fuzz-password-2026";

    private final Client client;
    private final String adminPassword;
    private final String tag;
    private final Map<String, String> values = new HashMap<>();
    private final Map<Actor, String> tokens = new HashMap<>();
    private final Map<Actor, Long> signedInAt = new HashMap<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /**
     * @param tag makes codes and names unique on a platform that already holds data (empty on a fresh one)
     */
    Fixtures(Client client, String adminPassword, String tag) {
        this.client = client;
        this.adminPassword = adminPassword;
        this.tag = tag;
    }

    /** Makes every record the fuzzer needs, as the admin (and a DR lead for the plan, which its author may not approve). */
    Fixtures seed() {
        String admin = token(Actor.ADMIN);
        String partner = "FZA" + tag;
        put("partner", partner);
        put("partner2", "FZB" + tag);
        client.call(
                "POST",
                "/api/partners",
                Map.of("code", partner, "name", "Fuzz Alpha " + tag, "type", "OTHER"),
                admin,
                201);
        client.call(
                "POST",
                "/api/partners",
                Map.of("code", value("partner2"), "name", "Fuzz Beta " + tag, "type", "POLICE"),
                admin,
                201);
        put("category", "FZCAT" + tag);
        client.call(
                "POST",
                "/api/skills/categories",
                Map.of("code", value("category"), "name", "Fuzz category " + tag),
                admin,
                201);
        put("skill", "FZSKILL" + tag);
        client.call(
                "POST",
                "/api/skills",
                Map.of(
                        "code",
                        value("skill"),
                        "name",
                        "Fuzz skill " + tag,
                        "category",
                        value("category"),
                        "aliases",
                        List.of("Fuzzing " + tag)),
                admin,
                201);
        // A second skill Ann does not have yet, for adding one to her.
        put("skill2", "FZSKILLB" + tag);
        client.call(
                "POST",
                "/api/skills",
                Map.of("code", value("skill2"), "name", "Fuzz skill B " + tag, "category", value("category")),
                admin,
                201);
        put("ann", person(admin, "Ann Fuzz", "ann"));
        put("bob", person(admin, "Bob Fuzz", "bob"));
        put("annEmail", "ann" + tag.toLowerCase() + "@fuzz.example");
        client.call(
                "POST",
                "/api/people/" + value("ann") + "/skills",
                Map.of("skill", value("skill"), "level", 3),
                admin,
                201,
                200);
        put(
                "certification",
                id(client.call(
                        "POST",
                        "/api/people/" + value("ann") + "/certifications",
                        Map.of("name", "ITIL 4 Foundation", "issuer", "Axelos"),
                        admin,
                        201,
                        200)));

        put("victim", username("fuzz.victim"));
        put("signin", username("fuzz.signin"));
        user(admin, "fuzz.signin", List.of("engineer"), null);
        put("engineerUser", user(admin, "fuzz.engineer", List.of("engineer"), value("bob")));
        put("victimUser", user(admin, "fuzz.victim", List.of("engineer"), null));
        put("targetUser", user(admin, "fuzz.target", List.of("engineer"), null));
        user(admin, "fuzz.drlead", List.of("dr-lead"), null);
        JsonNode key = client.call(
                "POST",
                "/api/api-keys",
                Map.of("name", "Fuzz monitoring " + tag, "partner", partner, "permissions", List.of("incidents:write")),
                admin,
                201,
                200);
        put("apiKey", id(key.path("apiKey")));

        LocalDate start = today.minusDays(8);
        put("rotaStart", start.toString());
        put("rota", id(client.call("POST", "/api/rotas", body("""
                {"name":"Fuzz rota ${tag}","partners":["${partner}"],"coverage":"ALWAYS","rotationLength":"P1W",
                 "handoffTime":"09:00","startDate":"${rotaStart}","layers":[{"layer":"PRIMARY","members":[${ann},${bob}]}]}"""), admin, 201)));
        put("policy", id(client.call("POST", "/api/escalation-policies", body("""
                {"name":"Fuzz policy ${tag}","partner":"${partner}","steps":[{"delay":"PT30M",
                 "targets":[{"kind":"ROTA_LAYER","rotaId":${rota},"layer":"PRIMARY"}]}]}"""), admin, 201)));
        client.call(
                "PUT", "/api/escalation-policies/defaults/" + partner, body("{\"policyId\":${policy}}"), admin, 200);
        // Mutual aid: a request the partner made of the other, accepted, with time logged against it.
        put("aidRequest", id(client.call("POST", "/api/aid/requests", body("""
                {"requesterPartner":"${partner}","helperPartner":"${partner2}","skills":["${skill}"],"title":"Fuzz help ${tag}",
                 "reason":"Fuzzing","expectedHours":2,"urgency":"ROUTINE","outOfHours":false,"onSite":false}"""), admin, 201)));
        client.call("POST", "/api/aid/requests/" + value("aidRequest") + "/approve", null, admin, 200);
        put(
                "aidTime",
                id(client.call("POST", "/api/aid/requests/" + value("aidRequest") + "/time", body("""
                {"workedOn":"${today}","hours":1.5,"outOfHours":false,"note":"Fuzz"}"""), admin, 201)));
        put("incident", id(client.call("POST", "/api/incidents", body("""
                {"partner":"${partner}","summary":"Fuzz incident ${tag}","severity":"LOW","policyId":${policy}}"""), admin, 201)));
        // A subscriber address that resolves nowhere: calls to it fail and are retried, which is all the fuzzer needs.
        put("webhook", id(client.call("POST", "/api/webhooks", body("""
                {"partner":"${partner}","url":"https://hooks.fuzz.invalid/sharedict","events":["incident.resolved"]}"""), admin, 201)));
        put(
                "contactMethod",
                id(client.call(
                        "POST",
                        "/api/contacts/" + value("ann") + "/methods",
                        Map.of("kind", "EMAIL", "address", "ann.pages." + tag.toLowerCase() + "@fuzz.example"),
                        admin,
                        201)));
        put(
                "bankHoliday",
                id(client.call(
                        "POST",
                        "/api/calendar/bank-holidays",
                        Map.of(
                                "date",
                                today.plusYears(5)
                                        .withDayOfYear(100 + Math.abs(tag.hashCode() % 200))
                                        .toString(),
                                "name",
                                "Fuzz day " + tag),
                        admin,
                        201)));
        put(
                "leave",
                id(client.call(
                        "POST",
                        "/api/rotas/leave",
                        Map.of(
                                "personId",
                                Long.parseLong(value("bob")),
                                "start",
                                now.plus(40, ChronoUnit.DAYS).toString(),
                                "end",
                                now.plus(41, ChronoUnit.DAYS).toString(),
                                "reason",
                                "Fuzz leave"),
                        admin,
                        201)));
        // Leave is skills-service's (rota-service's leave above was written there too): one of Ann's, by its own ID.
        put(
                "skillsLeave",
                id(client.call(
                        "POST",
                        "/api/people/" + value("ann") + "/leave",
                        Map.of(
                                "start",
                                now.plus(50, ChronoUnit.DAYS).toString(),
                                "end",
                                now.plus(51, ChronoUnit.DAYS).toString(),
                                "reason",
                                "Fuzz leave"),
                        admin,
                        201)));
        put(
                "override",
                id(client.call(
                        "POST",
                        "/api/rotas/" + value("rota") + "/overrides",
                        Map.of(
                                "layer",
                                "PRIMARY",
                                "personId",
                                Long.parseLong(value("bob")),
                                "start",
                                now.plus(20, ChronoUnit.DAYS).toString(),
                                "end",
                                now.plus(21, ChronoUnit.DAYS).toString(),
                                "reason",
                                "Fuzz cover"),
                        admin,
                        201)));
        put(
                "swap",
                id(client.call(
                        "POST",
                        "/api/rotas/" + value("rota") + "/swaps",
                        Map.of("layer", "PRIMARY", "first", period(3), "second", period(4), "reason", "Fuzz swap"),
                        admin,
                        201)));
        // Monitoring intake: an integration key (its secret is what the intake paths take), a maintenance window
        // next year (so it suppresses nothing now) and a heartbeat monitor (its ping URL's secret).
        JsonNode integration = client.call("POST", "/api/integrations", body("""
                {"partner":"${partner}","name":"Fuzz Alertmanager ${tag}","service":"Fuzz network","policyId":${policy},
                 "defaultSeverity":"LOW"}"""), admin, 201);
        put("integration", id(integration.path("integration")));
        put("integrationKey", integration.path("key").asText());
        put("windowStart", now.plus(300, ChronoUnit.DAYS).toString());
        put("windowEnd", now.plus(301, ChronoUnit.DAYS).toString());
        put("maintenance", id(client.call("POST", "/api/integrations/maintenance-windows", body("""
                {"partner":"${partner}","integrationId":${integration},"reason":"Fuzz maintenance",
                 "startsAt":"${windowStart}","endsAt":"${windowEnd}"}"""), admin, 201)));
        JsonNode heartbeat = client.call("POST", "/api/integrations/heartbeats", body("""
                {"partner":"${partner}","name":"Fuzz heartbeat ${tag}","severity":"LOW","intervalSeconds":86400}"""), admin, 201);
        put("heartbeat", id(heartbeat.path("monitor")));
        String ping = heartbeat.path("pingUrl").asText();
        put("heartbeatKey", ping.substring(ping.lastIndexOf('/') + 1));
        // The feed read by its secret is Cat's, whose feed no other operation rotates or revokes.
        String cat = person(admin, "Cat Fuzz", "cat");
        String feedUrl = client.call("POST", "/api/calendar/feeds/people/" + cat + "/rotate", null, admin, 200, 201)
                .path("url")
                .asText();
        Matcher feed = Pattern.compile("/feeds/([^/.]+)\\.ics").matcher(feedUrl);
        put("feedToken", feed.find() ? feed.group(1) : "missing-feed-token-0000000000");

        put(
                "template",
                id(client.call(
                        "POST",
                        "/api/dr/templates",
                        Map.of("code", "FZT" + tag, "name", "Fuzz DR template " + tag),
                        admin,
                        201)));
        client.call(
                "POST",
                "/api/dr/templates/" + value("template") + "/versions",
                body("{\"notes\":\"first\",\"content\":" + templateContent() + "}"),
                admin,
                201);
        client.call("POST", "/api/dr/templates/" + value("template") + "/versions/1/publish", null, admin, 200);
        String lead = client.signIn(username("fuzz.drlead"), PASSWORD);
        JsonNode plan = client.call("POST", "/api/dr/plans", body("""
                {"partner":"${partner}","name":"Fuzz recovery plan ${tag}","templateId":${template},"templateVersion":1,
                 "ownerName":"Fuzz DR lead","ownerEmail":"drlead@fuzz.example"}"""), lead, 201);
        put("plan", id(plan));
        put(
                "copyHolder",
                id(client.call(
                        "POST",
                        "/api/dr/plans/" + value("plan") + "/copy-holders",
                        body("{\"name\":\"Fuzz copy holder\",\"email\":\"copies@fuzz.example\"}"),
                        lead,
                        201)));
        client.call("POST", "/api/dr/plans/" + value("plan") + "/submit", null, lead, 200);
        client.call("POST", "/api/dr/plans/" + value("plan") + "/approve", "{\"note\":\"fuzz\"}", admin, 200);
        put(
                "draftPlan",
                id(client.call("POST", "/api/dr/plans/" + value("plan") + "/revisions", null, lead, 201, 200)));
        // Version 2 published after the plan was made on 1, so the draft revision has somewhere to rebase to; 3 a
        // draft.
        client.call("POST", "/api/dr/templates/" + value("template") + "/versions", "{}", admin, 201);
        client.call("POST", "/api/dr/templates/" + value("template") + "/versions/2/publish", null, admin, 200);
        put(
                "templateDraft",
                client.call("POST", "/api/dr/templates/" + value("template") + "/versions", "{}", admin, 201)
                        .path("number")
                        .asText("3"));
        put("exercise", id(client.call("POST", "/api/dr/exercises", body("""
                {"planId":${plan},"heldOn":"${today}","type":"TABLETOP","scope":"Fuzz exercise"}"""), admin, 201)));
        JsonNode invocation = client.call(
                "POST", "/api/dr/invocations", body("{\"planId\":${plan},\"reason\":\"Fuzz invocation\"}"), admin, 201);
        put("invocation", id(invocation));
        put(
                "step",
                invocation.findValues("steps").stream()
                        .filter(JsonNode::isArray)
                        .flatMap(a -> a.findValues("id").stream())
                        .findFirst()
                        .map(JsonNode::asText)
                        .orElse("1"));

        // Sessions of the victim whose refresh tokens the sign-out and refresh operations get.
        put(
                "refreshA",
                client.call(
                                "POST",
                                "/api/auth/login",
                                Map.of("username", value("victim"), "password", PASSWORD),
                                null,
                                200)
                        .path("refreshToken")
                        .asText());
        put(
                "refreshB",
                client.call(
                                "POST",
                                "/api/auth/login",
                                Map.of("username", value("victim"), "password", PASSWORD),
                                null,
                                200)
                        .path("refreshToken")
                        .asText());
        token(Actor.ENGINEER);
        token(Actor.VICTIM);
        return this;
    }

    /** A bearer token for the actor, signed in again before the 10-minute access token runs out. */
    String token(Actor actor) {
        if (actor == Actor.NONE) {
            return null;
        }
        Long at = signedInAt.get(actor);
        if (at == null || System.currentTimeMillis() - at > 7 * 60_000) {
            String t;
            try {
                t = switch (actor) {
                    case ADMIN -> client.signIn("admin", adminPassword);
                    case ENGINEER -> client.signIn(username("fuzz.engineer"), PASSWORD);
                    default -> client.signIn(value("victim"), PASSWORD);
                };
            } catch (IllegalStateException e) {
                // The victim's password or lock may have been changed by the fuzzing itself: keep its old token.
                if (tokens.containsKey(actor)) {
                    return tokens.get(actor);
                }
                throw e;
            }
            tokens.put(actor, t);
            signedInAt.put(actor, System.currentTimeMillis());
        }
        return tokens.get(actor);
    }

    /** Who sends the valid base request of an operation. */
    Actor actorOf(ApiSpec.Operation op) {
        // Monitoring cannot sign in: the intake authorises by the key in its path (or a bearer key).
        if (op.path().startsWith("/api/intake/")) {
            return Actor.NONE;
        }
        return switch (op.key()) {
            case "PUT /api/auth/password", "POST /api/auth/refresh", "GET /api/auth/me" -> Actor.VICTIM;
            // Feeds of one's own need a person behind the user: the engineer is Bob.
            case "GET /api/calendar/feeds/me", "DELETE /api/calendar/feeds/me", "POST /api/calendar/feeds/me/rotate" ->
                Actor.ENGINEER;
            // The refresh token in the body names the session to end, not the caller's token.
            case "POST /api/auth/login",
                    "POST /api/auth/logout",
                    "GET /api/auth/providers",
                    "GET /api/calendar/feeds/{token}.ics",
                    "GET /api/incidents/actions/{token}",
                    "POST /api/incidents/actions/{token}",
                    "GET /api/rotas/swap-requests/links/{token}",
                    "POST /api/rotas/swap-requests/links/{token}",
                    "GET /api/auth/oidc/{provider}/start",
                    "GET /api/auth/oidc/{provider}/callback",
                    // GOV.UK Notify's and Twilio's callbacks carry their own secret, not a platform token.
                    "POST /api/paging/notify/receipts",
                    "POST /api/paging/notify/replies",
                    "POST /api/paging/voice/{id}/gather" -> Actor.NONE;
            default -> Actor.ADMIN;
        };
    }

    /** The value of a path parameter: a record that exists. */
    String pathValue(ApiSpec.Operation op, String name) {
        String p = op.path();
        return switch (name) {
            case "code" ->
                p.startsWith("/api/partners")
                        ? value("partner")
                        : p.startsWith("/api/skills/categories") ? value("category") : value("skill");
            case "partner" -> value("partner");
            case "provider" -> "fuzz-provider";
            case "token" -> value("feedToken");
            case "key" -> p.startsWith("/api/intake/heartbeats") ? value("heartbeatKey") : value("integrationKey");
            case "personId" -> value("ann");
            case "certificationId" -> value("certification");
            case "stepId" -> value("step");
            case "activityKey" -> "payments";
            case "number" -> value("templateDraft");
            case "leaveId" -> p.startsWith("/api/people") ? value("skillsLeave") : value("leave");
            case "overrideId" -> value("override");
            case "swapId" -> value("swap");
            case "timeId" -> value("aidTime");
            case "holderId" -> value("copyHolder");
            case "counterparty" -> value("partner2");
            case "id" -> idFor(op);
            default -> throw new IllegalStateException("no fixture for path parameter " + name + " of " + op.key());
        };
    }

    private String idFor(ApiSpec.Operation op) {
        String p = op.path();
        if (p.startsWith("/api/api-keys")) {
            return value("apiKey");
        } else if (p.startsWith("/api/integrations/maintenance-windows")) {
            return value("maintenance");
        } else if (p.startsWith("/api/integrations/heartbeats")) {
            return value("heartbeat");
        } else if (p.startsWith("/api/integrations")) {
            return value("integration");
        } else if (p.startsWith("/api/users")) {
            return value("targetUser");
        } else if (p.startsWith("/api/dr/exercises")) {
            return value("exercise");
        } else if (p.startsWith("/api/dr/invocations")) {
            return value("invocation");
        } else if (p.startsWith("/api/dr/plans")) {
            // Reads and exports need the approved revision; edits a draft.
            return op.method().equals("GET") && !p.endsWith("/revisions") ? value("plan") : value("draftPlan");
        } else if (p.startsWith("/api/dr/templates")) {
            return value("template");
        } else if (p.startsWith("/api/calendar/bank-holidays")) {
            return value("bankHoliday");
        } else if (p.startsWith("/api/escalation-policies")) {
            return value("policy");
        } else if (p.startsWith("/api/contacts")) {
            return value("contactMethod");
        } else if (p.startsWith("/api/paging")) {
            return value("incident"); // a voice page's notification: any number, the signature is what is checked
        } else if (p.startsWith("/api/incidents")) {
            return value("incident");
        } else if (p.startsWith("/api/webhooks")) {
            return value("webhook");
        } else if (p.startsWith("/api/rotas")) {
            return value("rota");
        } else if (p.startsWith("/api/people")) {
            return value("ann");
        } else if (p.startsWith("/api/aid/requests")) {
            return value("aidRequest");
        }
        throw new IllegalStateException("no fixture for {id} of " + op.key());
    }

    /** The path with every parameter filled in from the fixtures, or from {@code overrides} (raw, encoded here). */
    String path(ApiSpec.Operation op, Map<String, String> overrides) {
        String path = op.path();
        for (ApiSpec.Parameter p : op.parameters("path")) {
            String v = overrides.containsKey(p.name()) ? overrides.get(p.name()) : pathValue(op, p.name());
            path = path.replace(
                    "{" + p.name() + "}",
                    URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    /** Query parameters a valid request sends (most operations need none). */
    Map<String, String> baseQuery(ApiSpec.Operation op) {
        Map<String, String> q = new LinkedHashMap<>();
        switch (op.key()) {
            case "GET /api/calendar/out-of-hours",
                    "GET /api/rotas/reports/fairness",
                    "GET /api/rotas/reports/hours",
                    "GET /api/incidents/reports/response-times",
                    "GET /api/rotas/{id}/shifts",
                    "GET /api/rotas/{id}/overrides" -> {
                q.put("from", now.minus(7, ChronoUnit.DAYS).toString());
                q.put("to", now.plus(7, ChronoUnit.DAYS).toString());
            }
            case "GET /api/rotas/leave" -> q.put("personId", value("bob"));
            case "GET /api/experts" -> q.put("skill", value("skill"));
            case "GET /api/people" -> q.put("partner", value("partner"));
            case "GET /api/oncall" -> q.put("partner", value("partner"));
            case "GET /api/oncall/gaps" -> {
                q.put("partner", value("partner"));
                q.put("from", now.toString());
                q.put("to", now.plus(28, ChronoUnit.DAYS).toString());
            }
            case "GET /api/calendar/bank-holidays" -> q.put("year", Integer.toString(today.getYear()));
            case "GET /api/auth/oidc/{provider}/start" -> q.put("returnTo", "/");
            case "GET /api/auth/oidc/{provider}/callback" -> {
                q.put("code", "fuzz-code");
                q.put("state", "fuzz-state");
            }
            default -> {}
        }
        return q;
    }

    /**
     * A valid body for the operation ({@code n} makes codes, names and periods unique per case), or
     * empty when it takes none. {@code version} is filled in by the caller where the body has one.
     */
    Optional<String> baseBody(ApiSpec.Operation op, int n, String version) {
        String t = switch (op.key()) {
            case "POST /api/api-keys" -> """
                    {"name":"Fuzz key ${n}","partner":"${partner}","permissions":["incidents:write"],"expiresAt":"${nextYear}"}""";
            case "POST /api/auth/login" -> """
                    {"username":"${signin}","password":"${password}"}""";
            case "POST /api/auth/logout" -> """
                    {"refreshToken":"${refreshA}","allSessions":false}""";
            case "PUT /api/auth/password" -> """
                    {"currentPassword":"${password}","newPassword":"fuzz-new-password-${n}-2026"}""";
            case "POST /api/auth/refresh" -> """
                    {"refreshToken":"${refreshB}"}""";
            case "POST /api/users" -> """
                    {"username":"fuzz.user${n}","displayName":"Fuzz user ${n}","email":"user${n}@fuzz.example","partner":"${partner}",
                     "roles":["engineer"],"password":"${password}","enabled":true}""";
            case "PUT /api/users/{id}" -> """
                    {"displayName":"Fuzz target ${n}","email":"target@fuzz.example","partner":"${partner}","roles":["engineer"],
                     "enabled":true,"version":${version}}""";
            case "POST /api/users/{id}/password" -> """
                    {"password":"fuzz-reset-password-${n}"}""";
            case "POST /api/dr/exercises", "PUT /api/dr/exercises/{id}" -> """
                    {"planId":${plan},"heldOn":"${today}","type":"WALKTHROUGH","scope":"Fuzz scope ${n}","summary":"Went well",
                     "findings":["Runbook out of date"],"actions":[{"description":"Update the runbook","owner":"Fuzz DR lead",
                     "dueDate":"${nextMonth}","status":"OPEN"}],"version":${version}}""";
            case "PUT /api/dr/plans/{id}/impact/{activityKey}" -> """
                    {"ratings":{"FINANCIAL":[1,2,3,4,5],"STATUTORY_LEGAL":[1,1,2,4,5]},"backupFrequencyMinutes":60,
                     "offlineCopy":true,"lastRestoreTest":"${today}","version":${version}}""";
            case "POST /api/dr/invocations" -> """
                    {"planId":${plan},"reason":"Fuzz invocation ${n}","startedAt":"${now}"}""";
            case "POST /api/dr/invocations/{id}/close" -> """
                    {"summary":"Recovered ${n}","version":${version}}""";
            case "POST /api/dr/invocations/{id}/notes" -> """
                    {"message":"Fuzz note ${n}"}""";
            case "PUT /api/dr/invocations/{id}/steps/{stepId}" -> """
                    {"state":"IN_PROGRESS","note":"Fuzz ${n}","version":${version}}""";
            case "POST /api/dr/plans" -> """
                    {"partner":"${partner}","name":"Fuzz plan ${n}","templateId":${template},"templateVersion":1,"reviewDate":"${nextYearDate}",
                     "ownerName":"Fuzz owner","ownerEmail":"owner@fuzz.example","specifics":{"owners":[{"role":"Lead","name":"Ann Fuzz",
                     "personId":${ann},"email":"ann@fuzz.example","phone":"01632 960000"}],"contacts":[{"name":"Supplier desk",
                     "phone":"01632 960001"}],"sites":[{"name":"Fuzz House","address":"1 Fuzz Street"}],"suppliers":[{"name":"Fuzz Ltd"}]}}""";
            case "PUT /api/dr/plans/{id}" -> """
                    {"name":"Fuzz plan ${n}","reviewDate":"${nextYearDate}","ownerName":"Fuzz owner","ownerEmail":"owner@fuzz.example",
                     "specifics":{"owners":[],"contacts":[],"sites":[{"name":"Fuzz House"}],"suppliers":[]},"version":${version}}""";
            case "POST /api/dr/plans/{id}/copy-holders" -> """
                    {"name":"Fuzz holder ${n}","email":"holder${n}@fuzz.example","note":"Kept at home"}""";
            case "POST /api/dr/plans/{id}/approve" -> """
                    {"note":"Approved ${n}"}""";
            case "PUT /api/dr/plans/{id}/customisation" -> """
                    {"overrides":[{"activityKey":"email","field":"rtoMinutes","value":240}],
                     "additions":{"activities":[],"steps":[{"activityKey":"email","step":{"key":"check${n}","title":"Check mail flow",
                     "durationMinutes":15}}],"dependencies":[]},"exclusions":[{"activityKey":"email","stepKey":"exchange",
                     "reason":"Not used"}],"version":${version}}""";
            case "POST /api/dr/plans/{id}/rebase" -> """
                    {"templateVersion":2,"dryRun":true,"version":${version}}""";
            case "POST /api/dr/plans/{id}/reject" -> """
                    {"reason":"Fuzz rejection ${n}"}""";
            case "POST /api/dr/templates" -> """
                    {"code":"FZT${tag}-${n}","name":"Fuzz template ${n}","description":"Made by the fuzzer"}""";
            case "PUT /api/dr/templates/{id}" -> """
                    {"name":"Fuzz DR template ${n}","description":"Edited","version":${version}}""";
            case "POST /api/dr/templates/{id}/versions" ->
                "{\"notes\":\"v${n}\",\"content\":" + templateContent() + "}";
            case "PUT /api/dr/templates/{id}/versions/{number}" ->
                "{\"notes\":\"edit ${n}\",\"content\":" + templateContent() + ",\"version\":${version}}";
            case "POST /api/aid/requests" -> """
                    {"requesterPartner":"${partner}","helperPartner":"${partner2}","skills":["${skill}"],"title":"Fuzz help ${n}",
                     "reason":"Fuzzing","expectedHours":1.5,"urgency":"URGENT","outOfHours":true,"onSite":false}""";
            case "POST /api/aid/requests/{id}/time" -> """
                    {"workedOn":"${today}","hours":0.5,"outOfHours":true,"note":"Fuzz ${n}"}""";
            case "POST /api/aid/requests/{id}/approve",
                    "POST /api/aid/requests/{id}/decline",
                    "POST /api/aid/requests/{id}/withdraw",
                    "POST /api/aid/requests/{id}/time/{timeId}/query" -> """
                    {"reason":"Fuzz reason ${n}"}""";
            case "PUT /api/aid/agreement" -> """
                    {"rateBasis":"HOUR","flatRatePence":3500,"partnerRates":{},"minutesPerDay":450,"outOfHoursMultiplier":1.5,
                     "agencyDayRatePence":45000,"netting":true,"directAcceptUrgent":true,"directAcceptOutOfHours":true,"version":${version}}""";
            case "PUT /api/calendar" -> """
                    {"dayStart":"08:00","dayEnd":"18:00","version":${version}}""";
            case "POST /api/calendar/bank-holidays" -> """
                    {"date":"${holiday}","name":"Fuzz holiday ${n}"}""";
            case "PUT /api/calendar/bank-holidays/{id}" -> """
                    {"date":"${holiday}","name":"Fuzz holiday ${n}","version":${version}}""";
            case "POST /api/escalation-policies", "PUT /api/escalation-policies/{id}" -> """
                    {"name":"Fuzz policy ${n}","partner":"${partner}","repeatCount":1,"steps":[{"delay":"PT30M",
                     "targets":[{"kind":"ROTA_LAYER","rotaId":${rota},"layer":"PRIMARY"},{"kind":"PERSON","personId":${ann}}]}],
                     "version":${version}}""";
            case "POST /api/webhooks" -> """
                    {"partner":"${partner}","url":"https://hooks.fuzz.invalid/${n}","events":["incident.triggered"],
                     "description":"Fuzz subscriber ${n}"}""";
            case "PUT /api/webhooks/{id}" -> """
                    {"url":"https://hooks.fuzz.invalid/${n}","events":["incident.triggered","incident.resolved"],
                     "description":"Fuzz edit ${n}","enabled":true,"version":${version}}""";
            case "PUT /api/escalation-policies/defaults/{partner}" -> """
                    {"policyId":${policy}}""";
            case "POST /api/incidents" -> """
                    {"partner":"${partner}","summary":"Fuzz incident ${n}","severity":"LOW","dedupKey":"fuzz-${n}",
                     "details":"Raised by the fuzzer","policyId":${policy}}""";
            case "POST /api/integrations" -> """
                    {"partner":"${partner}","name":"Fuzz key ${n}","service":"Fuzz service","policyId":${policy},"defaultSeverity":"HIGH"}""";
            case "POST /api/integrations/maintenance-windows" -> """
                    {"partner":"${partner}","integrationId":${integration},"reason":"Fuzz window ${n}","minutes":30}""";
            case "POST /api/integrations/heartbeats" -> """
                    {"partner":"${partner}","name":"Fuzz heartbeat ${n}","policyId":${policy},"severity":"LOW",
                     "intervalSeconds":3600,"graceSeconds":60}""";
            case "POST /api/intake/{key}/events", "POST /api/intake/events" -> """
                    {"action":"trigger","dedupKey":"fuzz-${n}","summary":"Fuzz alert ${n}","severity":"warning",
                     "details":"From the fuzzer","links":[{"href":"https://fuzz.example/${n}","text":"Fuzz"}]}""";
            case "POST /api/intake/{key}/alertmanager", "POST /api/intake/alertmanager" -> """
                    {"version":"4","groupKey":"{}:{alertname=\\"Fuzz${n}\\"}","status":"firing","receiver":"fuzz",
                     "commonLabels":{"alertname":"Fuzz${n}","severity":"critical"},"commonAnnotations":{"summary":"Fuzz ${n}"},
                     "alerts":[{"status":"firing","labels":{"alertname":"Fuzz${n}"},"annotations":{},"fingerprint":"f${n}"}]}""";
            case "POST /api/intake/{key}/grafana", "POST /api/intake/grafana" -> """
                    {"status":"firing","title":"[FIRING:1] Fuzz ${n}","alerts":[{"status":"firing",
                     "labels":{"alertname":"Fuzz ${n}"},"annotations":{"summary":"Fuzz ${n}"},"fingerprint":"g${n}"}]}""";
            case "POST /api/incidents/{id}/notes" -> """
                    {"message":"Fuzz note ${n}"}""";
            case "POST /api/contacts/{personId}/methods" -> """
                    {"kind":"EMAIL","address":"fuzz${n}.${tag}@fuzz.example","label":"Fuzz ${n}"}""";
            case "PUT /api/contacts/{personId}/methods/{id}" -> """
                    {"label":"Fuzz label ${n}"}""";
            case "POST /api/contacts/{personId}/methods/{id}/verify" -> """
                    {"code":"123456"}""";
            case "PUT /api/contacts/{personId}/rules" -> """
                    {"high":[{"methodId":${contactMethod},"delayMinutes":0}],"low":[]}""";
            case "POST /api/paging/notify/receipts" -> """
                    {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"${n}","to":"+447700900123","status":"delivered",
                     "notification_type":"sms"}""";
            case "POST /api/paging/notify/replies" -> """
                    {"id":"b6f8f3a4-0000-4000-8000-000000000001","source_number":"447700900123","destination_number":"07700900000",
                     "content":"1a"}""";
            case "POST /api/paging/voice/{id}/gather" -> "Digits=1&CallSid=CAfuzz";
            case "POST /api/rotas", "PUT /api/rotas/{id}" -> """
                    {"name":"Fuzz rota ${n}","partners":["${partner}"],"coverage":"OUT_OF_HOURS","rotationLength":"P1W",
                     "handoffTime":"09:00","handoffDay":"MONDAY","startDate":"${rotaStart}",
                     "layers":[{"layer":"PRIMARY","members":[${ann},${bob}]},{"layer":"SECONDARY","members":[${bob}]}],
                     "escalationPolicyId":${policy},"version":${version}}""";
            case "POST /api/rotas/leave" -> """
                    {"personId":${bob},"start":"${leaveStart}","end":"${leaveEnd}","reason":"Fuzz leave ${n}"}""";
            case "POST /api/people/{id}/leave" -> """
                    {"start":"${leaveStart}","end":"${leaveEnd}","reason":"Fuzz leave ${n}"}""";
            case "POST /api/rotas/{id}/overrides" -> """
                    {"layer":"PRIMARY","personId":${bob},"start":"${leaveStart}","end":"${leaveEnd}","reason":"Fuzz cover ${n}"}""";
            case "POST /api/rotas/{id}/swaps" -> """
                    {"layer":"PRIMARY","first":"${swapFirst}","second":"${swapSecond}","reason":"Fuzz swap ${n}"}""";
            // The fuzzer's admin has no person behind it, so a well-formed ask is a 403 (members ask for their own
            // shifts).
            case "POST /api/rotas/swap-requests" -> """
                    {"rotaId":${rota},"layer":"PRIMARY","first":"${swapFirst}","second":"${swapSecond}","reason":"Fuzz ask ${n}"}""";
            case "POST /api/partners" -> """
                    {"code":"FZ${tag}${n}","name":"Fuzz partner ${n}","type":"DISTRICT_COUNCIL","serviceDeskPhone":"01632 960100",
                     "outOfHoursPhone":"+44 1632 960101","email":"desk${n}@fuzz.example"}""";
            case "PUT /api/partners/{code}" -> """
                    {"name":"Fuzz Alpha ${n}","type":"OTHER","serviceDeskPhone":"01632 960100","email":"alpha@fuzz.example",
                     "version":${version}}""";
            case "POST /api/people", "PUT /api/people/{id}" -> """
                    {"partner":"${partner}","name":"Fuzz Person ${n}","jobTitle":"Engineer","team":"Infrastructure",
                     "email":"${personEmail}","workPhone":"01632 960200","mobile":"07700 900200","site":"Fuzz House",
                     "manager":false,"helpOtherPartners":true,"helpHoursPerMonth":8,"outOfHours":true,
                     "lastConfirmed":"${today}","version":${version}}""";
            case "PUT /api/people/{id}/availability" -> """
                    {"helpOtherPartners":true,"helpHoursPerMonth":4,"outOfHours":false,"unavailableUntil":"${nextMonth}",
                     "unavailableReason":"Training","version":${version}}""";
            case "POST /api/people/{id}/certifications", "PUT /api/people/{id}/certifications/{certificationId}" -> """
                    {"name":"Fuzz certificate ${n}","issuer":"Fuzz board","number":"FZ-${n}","obtained":"${lastYearDate}",
                     "expires":"${nextYearDate}","skill":"${skill}","version":${version}}""";
            case "POST /api/people/{id}/skills" -> """
                    {"skill":"${skill2}","level":4,"verified":false,"lastUsed":"${today}","notes":"Fuzz ${n}"}""";
            case "PUT /api/people/{id}/skills/{code}" -> """
                    {"level":4,"verified":true,"lastUsed":"${today}","notes":"Fuzz ${n}","version":${version}}""";
            case "POST /api/skills" -> """
                    {"code":"FZS${tag}${n}","name":"Fuzz skill ${n}","category":"${category}","description":"Made by the fuzzer",
                     "aliases":["fuzzalias${n}"],"sfiaCode":"ITOP"}""";
            case "PUT /api/skills/{code}" -> """
                    {"name":"Fuzz skill ${n}","category":"${category}","description":"Edited","aliases":["Fuzzing ${tag}"],
                     "sfiaCode":"ITOP","version":${version}}""";
            case "POST /api/skills/categories" -> """
                    {"code":"FZC${tag}${n}","name":"Fuzz category ${n}","description":"Made by the fuzzer"}""";
            case "PUT /api/skills/categories/{code}" -> """
                    {"name":"Fuzz category ${n}","description":"Edited","version":${version}}""";
            case "POST /api/people/import" ->
                "partner,name,email,job_title,skills\n${partner},Fuzz Import ${n},import${n}@fuzz.example,"
                        + "Engineer,${skill}:2\n";
            default -> null;
        };
        if (t == null) {
            return Optional.empty();
        }
        Map<String, String> v = new HashMap<>(values);
        v.put("n", Integer.toString(n));
        v.put("version", version == null ? "null" : version);
        v.put("tag", tag);
        v.put("password", PASSWORD);
        v.put("today", today.toString());
        v.put("now", now.toString());
        v.put("nextMonth", today.plusMonths(1).toString());
        v.put("nextYear", now.plus(365, ChronoUnit.DAYS).toString());
        v.put("nextYearDate", today.plusYears(1).toString());
        v.put("lastYearDate", today.minusYears(1).toString());
        v.put("holiday", today.plusYears(6).plusDays(n).toString());
        v.put("leaveStart", now.plus(60 + 2L * n, ChronoUnit.DAYS).toString());
        v.put("leaveEnd", now.plus(61 + 2L * n, ChronoUnit.DAYS).toString());
        v.put("swapFirst", period(10 + 2 * n));
        v.put("swapSecond", period(11 + 2 * n));
        v.put(
                "personEmail",
                op.method().equals("PUT") ? value("annEmail") : "person" + n + tag.toLowerCase() + "@fuzz.example");
        return Optional.of(fill(t, v));
    }

    /** The media type of the operation's base body. */
    String contentType(ApiSpec.Operation op) {
        if (op.path().equals("/api/paging/voice/{id}/gather")) {
            return "application/x-www-form-urlencoded"; // Twilio posts a form
        }
        return op.path().equals("/api/people/import") ? "text/csv" : "application/json";
    }

    String value(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("fixture " + name + " was not made");
        }
        return v;
    }

    /** An instant in the middle of the rota's k-th weekly period (periods start at handoff on the start date). */
    private String period(int k) {
        return LocalDate.parse(value("rotaStart"))
                .plusWeeks(k)
                .plusDays(2)
                .atTime(12, 0)
                .toInstant(ZoneOffset.UTC)
                .toString();
    }

    private static String templateContent() {
        return """
                {"activities":[
                 {"key":"power","name":"Data centre power","category":"FACILITY","tier":1,"rtoMinutes":60,"rpoMinutes":0,
                  "dependsOn":[],"steps":[{"key":"generator","title":"Start the generator","durationMinutes":30}]},
                 {"key":"network","name":"Core network","category":"NETWORK","tier":1,"rtoMinutes":120,"dependsOn":["power"],
                  "steps":[{"key":"core","title":"Bring up the core switches","durationMinutes":45,"ownerRole":"Network lead"}]},
                 {"key":"email","name":"Email","category":"SYSTEM","tier":2,"rtoMinutes":480,"rpoMinutes":60,
                  "description":"Exchange","dependsOn":["network"],"steps":[{"key":"exchange","title":"Mount the mailbox databases",
                  "instructions":"In order","durationMinutes":120}]},
                 {"key":"payments","name":"Taking payments","category":"BUSINESS_SERVICE","tier":1,"rtoMinutes":720,
                  "mtpdMinutes":1440,"dependsOn":["email"],"steps":[{"key":"tills","title":"Open the tills","durationMinutes":20}]}]}""";
    }

    private String person(String admin, String name, String local) {
        return id(client.call(
                "POST",
                "/api/people",
                Map.of(
                        "partner",
                        value("partner"),
                        "name",
                        name + " " + tag,
                        "email",
                        local + tag.toLowerCase() + "@fuzz.example",
                        "helpOtherPartners",
                        true,
                        "outOfHours",
                        true,
                        "manager",
                        local.equals("ann")),
                admin,
                201));
    }

    private String user(String admin, String username, List<String> roles, String personId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username(username));
        body.put("displayName", username);
        body.put("email", username + tag.toLowerCase() + "@fuzz.example");
        body.put("partner", value("partner"));
        body.put("roles", roles);
        body.put("password", PASSWORD);
        if (personId != null) {
            body.put("personId", Long.parseLong(personId));
        }
        return id(client.call("POST", "/api/users", body, admin, 201));
    }

    private String username(String name) {
        return name + tag.toLowerCase();
    }

    private String body(String template) {
        Map<String, String> v = new HashMap<>(values);
        v.put("tag", tag);
        v.put("today", today.toString());
        return fill(template, v);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("no value for ${" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void put(String name, String value) {
        values.put(name, value);
    }

    private static String id(JsonNode node) {
        JsonNode id = node.path("id");
        if (id.isMissingNode() || id.isNull()) {
            throw new IllegalStateException("no id in " + node);
        }
        return id.asText();
    }
}
