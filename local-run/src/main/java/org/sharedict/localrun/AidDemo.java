package org.sharedict.localrun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for mutual aid: a season of help requests between the Lincolnshire partners
 * (demo/aid-requests.json), each taken as far as it got (approved, worked, confirmed; declined;
 * withdrawn), with time given on days before today, so that the statements and the benefits
 * report show something on first run. Everything goes through skills-service's API as an admin.
 */
final class AidDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    AidDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws Exception {
        if (api.get(urls.skills() + "/api/aid/requests?size=1")
                        .path("totalItems")
                        .asLong()
                > 0) {
            DemoSeeder.say("skills-service already has help requests; left as they are");
            return;
        }
        JsonNode all;
        try (var in = AidDemo.class.getResourceAsStream("/demo/aid-requests.json")) {
            all = api.json.readTree(in);
        }
        LocalDate today = DemoSeeder.today();
        int requests = 0;
        int records = 0;
        for (JsonNode r : all.path("requests")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requesterPartner", r.path("requester").asText());
            body.put("helperPartner", r.path("helper").asText());
            if (r.hasNonNull("helperEmail")) {
                body.put("helperPersonId", person(r.path("helperEmail").asText()));
            }
            body.put("skills", r.path("skills"));
            body.put("title", r.path("title").asText());
            body.put("reason", r.path("reason").asText());
            body.put("expectedHours", r.path("expectedHours").decimalValue());
            body.put("urgency", r.path("urgency").asText());
            body.put("outOfHours", r.path("outOfHours").asBoolean());
            body.put("onSite", r.path("onSite").asBoolean());
            long id = api.post(urls.skills() + "/api/aid/requests", body)
                    .path("id")
                    .asLong();
            String path = urls.skills() + "/api/aid/requests/" + id;
            requests++;
            switch (r.path("outcome").asText()) {
                case "DECLINED" ->
                    api.post(
                            path + "/decline",
                            Map.of("reason", r.path("declineReason").asText()));
                case "WITHDRAWN" -> api.post(path + "/withdraw", Map.of("reason", "Sorted it ourselves in the end"));
                case "REQUESTED" -> {}
                default -> {
                    api.post(path + "/approve", Map.of());
                    String outcome = r.path("outcome").asText();
                    if (!outcome.equals("ACCEPTED")) {
                        api.post(path + "/start", Map.of());
                    }
                    for (JsonNode t : r.path("time")) {
                        Map<String, Object> time = new LinkedHashMap<>();
                        time.put("workedOn", today.minusDays(t.get(0).asInt()).toString());
                        time.put("hours", t.get(1).decimalValue());
                        time.put("outOfHours", t.get(2).asBoolean());
                        time.put("note", "Demo: work on " + r.path("title").asText());
                        long recordId =
                                api.post(path + "/time", time).path("id").asLong();
                        records++;
                        if (t.get(3).asBoolean()) {
                            api.post(path + "/time/" + recordId + "/confirm", Map.of());
                        }
                    }
                    if (outcome.equals("DONE")) {
                        api.post(path + "/complete", Map.of());
                    }
                }
            }
        }
        DemoSeeder.say(requests + " mutual-aid requests between partners, " + records + " time records");
    }

    private long person(String email) {
        JsonNode page =
                api.get(urls.skills() + "/api/people?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        if (page.path("items").isEmpty()) {
            throw new IllegalStateException("skills-service has no demo person " + email);
        }
        return page.path("items").get(0).path("id").asLong();
    }
}
