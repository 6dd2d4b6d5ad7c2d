package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for rota-service, through its API: the pooled out-of-hours rota of the eight
 * Lincolnshire councils (primary and secondary layers, from the demo staff who do out-of-hours
 * work, found in skills-service by e-mail) and a round-the-clock rota for the police and NHS
 * partners; a default escalation policy for every partner; an override next weekend and a week of
 * leave; a night next week when both seniors of the round-the-clock rota are away (a cover gap);
 * and two incidents, one acknowledged and resolved, one still escalating, so their timelines
 * show every step and e-mail (the e-mails themselves land in .data/mail/).
 */
final class RotaDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    RotaDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws Exception {
        String rota = urls.rota();
        if (api.get(rota + "/api/rotas?size=1").path("totalItems").asLong() > 0) {
            DemoSeeder.say("rota-service already has rotas; left as it is");
            return;
        }
        JsonNode demo = read("demo/rotas.json");
        LocalDate today = DemoSeeder.today();
        List<Long> rotaIds = new ArrayList<>();
        List<List<Long>> primaries = new ArrayList<>();
        for (JsonNode r : demo.path("rotas")) {
            List<Long> primary = people(r.path("primary"));
            List<Long> secondary = people(r.path("secondary"));
            DayOfWeek day = DayOfWeek.valueOf(r.path("handoffDay").asText());
            LocalDate start = startDate(r, today, primary.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", r.path("name").asText());
            body.put("partners", api.json.convertValue(r.path("partners"), List.class));
            body.put("coverage", r.path("coverage").asText());
            body.put("rotationLength", r.path("rotationLength").asText());
            body.put("handoffDay", day.name());
            body.put("handoffTime", r.path("handoffTime").asText());
            body.put("startDate", start.toString());
            body.put(
                    "layers",
                    List.of(
                            Map.of("layer", "PRIMARY", "members", primary),
                            Map.of("layer", "SECONDARY", "members", secondary)));
            rotaIds.add(api.post(rota + "/api/rotas", body).get("id").asLong());
            primaries.add(primary);
        }

        long councils = rotaIds.get(0);
        long policy = api.post(
                        rota + "/api/escalation-policies",
                        Map.of(
                                "name",
                                "Partnership standard escalation",
                                "repeatCount",
                                1,
                                "steps",
                                List.of(
                                        // In working hours nobody is on the out-of-hours rota, so the partner's manager
                                        // hears at once too.
                                        Map.of(
                                                "delay",
                                                "PT5M",
                                                "targets",
                                                List.of(
                                                        Map.of(
                                                                "kind",
                                                                "ROTA_LAYER",
                                                                "rotaId",
                                                                councils,
                                                                "layer",
                                                                "PRIMARY"),
                                                        Map.of("kind", "PARTNER_MANAGER"))),
                                        Map.of(
                                                "delay",
                                                "PT10M",
                                                "targets",
                                                List.of(Map.of(
                                                        "kind",
                                                        "ROTA_LAYER",
                                                        "rotaId",
                                                        councils,
                                                        "layer",
                                                        "SECONDARY"))),
                                        Map.of(
                                                "delay",
                                                "PT15M",
                                                "targets",
                                                List.of(Map.of("kind", "PARTNER_MANAGER"))))))
                .get("id")
                .asLong();
        long round = api.post(
                        rota + "/api/escalation-policies",
                        Map.of(
                                "name",
                                "Police and NHS escalation",
                                "steps",
                                List.of(
                                        Map.of(
                                                "delay",
                                                "PT5M",
                                                "targets",
                                                List.of(Map.of(
                                                        "kind",
                                                        "ROTA_LAYER",
                                                        "rotaId",
                                                        rotaIds.get(1),
                                                        "layer",
                                                        "PRIMARY"))),
                                        Map.of(
                                                "delay",
                                                "PT10M",
                                                "targets",
                                                List.of(
                                                        Map.of(
                                                                "kind",
                                                                "ROTA_LAYER",
                                                                "rotaId",
                                                                rotaIds.get(1),
                                                                "layer",
                                                                "SECONDARY"),
                                                        Map.of("kind", "PARTNER_MANAGER"))))))
                .get("id")
                .asLong();
        for (JsonNode r : demo.path("rotas")) {
            long p = r.path("coverage").asText().equals("ALWAYS") ? round : policy;
            for (JsonNode partner : r.path("partners")) {
                api.put(rota + "/api/escalation-policies/defaults/" + partner.asText(), Map.of("policyId", p));
            }
        }

        // Next weekend the third member covers for whoever is scheduled; the second member, whose turn follows the
        // first's, is on leave that week, so the next member covers and the rota shows leave cover. The leave is
        // written through to skills-service, which keeps the one record: their profile lists it too. (Robert
        // Kettering's "away until" from people.csv is the other way round: entered in skills-service, followed here.)
        List<Long> primary = primaries.get(0);
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        Instant satMorning = saturday.atTime(8, 0).atZone(DemoSeeder.ZONE).toInstant();
        api.post(
                rota + "/api/rotas/" + councils + "/overrides",
                Map.of(
                        "personId",
                        primary.get(2),
                        "start",
                        satMorning.toString(),
                        "end",
                        satMorning.plus(Duration.ofHours(24)).toString(),
                        "reason",
                        "Covering Saturday while the scheduled engineer moves house"));
        Instant leaveStart = firstMembersTurn(demo.path("rotas").get(0), today)
                .plusWeeks(1)
                .atStartOfDay(DemoSeeder.ZONE)
                .toInstant();
        api.post(
                rota + "/api/rotas/leave",
                Map.of(
                        "personId",
                        primary.get(1),
                        "start",
                        leaveStart.toString(),
                        "end",
                        leaveStart.plus(Duration.ofDays(7)).toString(),
                        "reason",
                        "Annual leave"));

        // A cover gap to see: both seniors of the round-the-clock rota's secondary layer are at the same exercise one
        // night next week, so that layer pages nobody then (GET /api/oncall/gaps, the warning on the on-call and rota
        // screens, the managers' morning mail).
        List<Long> seniors = people(demo.path("rotas").get(1).path("secondary"));
        Instant exercise = today.plusWeeks(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY))
                .atTime(18, 0)
                .atZone(DemoSeeder.ZONE)
                .toInstant();
        for (Long senior : seniors) {
            api.post(
                    rota + "/api/rotas/leave",
                    Map.of(
                            "personId",
                            senior,
                            "start",
                            exercise.toString(),
                            "end",
                            exercise.plus(Duration.ofHours(14)).toString(),
                            "reason",
                            "Regional resilience exercise"));
        }

        // The demo engineer (the first member) asks the third to swap their next turn for the third's: a pending
        // swap request, e-mailed to the third with links to accept or decline (in .data/mail/ with the mail catcher).
        LocalDate turn = firstMembersTurn(demo.path("rotas").get(0), today);
        PrivateKey key =
                LocalKeys.readPrivate(Path.of(DemoSeeder.env("JWT_PRIVATE_KEY_LOCATION", ".data/keys/privateKey.pem")));
        String issuer = DemoSeeder.env("JWT_ISSUER", "https://sharedict.local/gateway");
        Api tom = new Api(LocalToken.mint(key, issuer, "tom.ashworth", "BBC", List.of("engineer"), primary.get(0)));
        tom.post(
                rota + "/api/rotas/swap-requests",
                Map.of(
                        "rotaId",
                        councils,
                        "first",
                        turn.plusDays(1)
                                .atTime(12, 0)
                                .atZone(DemoSeeder.ZONE)
                                .toInstant()
                                .toString(),
                        "second",
                        turn.plusWeeks(2)
                                .plusDays(1)
                                .atTime(12, 0)
                                .atZone(DemoSeeder.ZONE)
                                .toInstant()
                                .toString(),
                        "reason",
                        "Family wedding that weekend"));

        // One incident that was answered, one still escalating (its next steps e-mail .data/mail/ over the next
        // minutes).
        JsonNode done = api.post(
                rota + "/api/incidents",
                Map.of(
                        "partner",
                        "BBC",
                        "severity",
                        "HIGH",
                        "summary",
                        "Municipal Buildings core switch stack unreachable",
                        "details",
                        "Monitoring lost both stack members at once; the site UPS reports mains failure.",
                        "dedupKey",
                        "bbc-core-switch"));
        long doneId = done.get("id").asLong();
        Api bbcManager = new Api(LocalToken.mint(key, issuer, "harriet.dunmore", "BBC", List.of("manager")));
        bbcManager.post(rota + "/api/incidents/" + doneId + "/acknowledge", Map.of());
        bbcManager.post(
                rota + "/api/incidents/" + doneId + "/notes",
                Map.of("message", "Power restored by the DNO; switches back, checking uplinks"));
        bbcManager.post(rota + "/api/incidents/" + doneId + "/resolve", Map.of());
        api.post(
                rota + "/api/incidents",
                Map.of(
                        "partner",
                        "SKDC",
                        "severity",
                        "MEDIUM",
                        "summary",
                        "Council website returning 503 to residents",
                        "dedupKey",
                        "skdc-website"));
        DemoSeeder.say(
                "rotas: " + rotaIds.size() + " (the councils' pooled out-of-hours rota and a 24x7 police and NHS one), "
                        + "2 escalation policies as every partner's default, 1 override, 3 leave (a cover gap one night),"
                        + " 1 pending swap request, 2 incidents (1 resolved, 1 escalating)");
    }

    /**
     * A weekly rota's start date. With {@code firstMemberStartsInWeeks} (k) the rota began exactly one
     * round ago counted from the k-th handoff day after today, so the first primary member's turn comes
     * round again then: the demo engineer (tom.ashworth, first on the councils' rota) has shifts within
     * the next four weeks whatever day the demo is loaded, as the README promises. Otherwise
     * {@code startWeeksAgo} handoff days back.
     */
    static LocalDate startDate(JsonNode r, LocalDate today, int primaryMembers) {
        if (r.has("firstMemberStartsInWeeks")) {
            return firstMembersTurn(r, today).minusWeeks(primaryMembers);
        }
        DayOfWeek day = DayOfWeek.valueOf(r.path("handoffDay").asText());
        return today.minusWeeks(r.path("startWeeksAgo").asLong()).with(TemporalAdjusters.previousOrSame(day));
    }

    /** The handoff day on which the first primary member's next turn begins (rotas with firstMemberStartsInWeeks). */
    static LocalDate firstMembersTurn(JsonNode r, LocalDate today) {
        DayOfWeek day = DayOfWeek.valueOf(r.path("handoffDay").asText());
        return today.with(TemporalAdjusters.next(day))
                .plusWeeks(r.path("firstMemberStartsInWeeks").asLong(1) - 1);
    }

    private List<Long> people(JsonNode emails) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode e : emails) {
            JsonNode page = api.get(
                    urls.skills() + "/api/people?email=" + URLEncoder.encode(e.asText(), StandardCharsets.UTF_8));
            JsonNode items = page.path("items");
            if (items.isEmpty()) {
                throw new IllegalStateException("skills-service has no demo person " + e.asText());
            }
            ids.add(items.get(0).get("id").asLong());
        }
        return ids;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing demo resource " + resource);
            }
            return api.json.readTree(in);
        }
    }
}
