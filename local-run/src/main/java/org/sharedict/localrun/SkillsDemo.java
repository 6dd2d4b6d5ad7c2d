package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for skills-service: the Lincolnshire partners (fictional contact numbers from
 * Ofcom's drama ranges), an ICT support skill taxonomy, and about sixty fictional staff loaded
 * through the CSV import. Each part is loaded only when the service has none of it yet.
 *
 * <p>People's emails are stable ({@code first.last@<partner domain>}): the rota and DR demo data
 * look people up by email. Dates in {@code demo/people.csv} are written relative to the day of
 * loading ({@code today-200}), so the demo always has recent, stale and expiring entries.
 */
final class SkillsDemo {

    private static final Pattern RELATIVE_DATE = Pattern.compile("today([+-]\\d+)");

    private final Api api;
    private final DemoSeeder.Urls urls;

    SkillsDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws IOException {
        seedPartners();
        seedTaxonomy();
        seedPeople();
    }

    private void seedPartners() throws IOException {
        if (count("/api/partners") > 0) {
            DemoSeeder.say("skills-service already has partners; left as they are");
            return;
        }
        JsonNode partners = read("demo/partners.json");
        for (JsonNode p : partners) {
            api.post(urls.skills() + "/api/partners", p);
        }
        DemoSeeder.say(partners.size() + " partners");
    }

    private void seedTaxonomy() throws IOException {
        if (count("/api/skills") > 0) {
            DemoSeeder.say("skills-service already has a skill taxonomy; left as it is");
            return;
        }
        JsonNode taxonomy = read("demo/skills-taxonomy.json");
        for (JsonNode c : taxonomy.path("categories")) {
            api.post(urls.skills() + "/api/skills/categories", c);
        }
        for (JsonNode s : taxonomy.path("skills")) {
            api.post(urls.skills() + "/api/skills", s);
        }
        DemoSeeder.say(taxonomy.path("skills").size() + " skills in "
                + taxonomy.path("categories").size() + " categories");
    }

    private void seedPeople() throws IOException {
        if (count("/api/people") > 0) {
            DemoSeeder.say("skills-service already has people; left as they are");
            return;
        }
        String csv = withDates(text("demo/people.csv"), DemoSeeder.today());
        JsonNode result = api.postText(urls.skills() + "/api/people/import", "text/csv", csv);
        DemoSeeder.say(result.path("created").asInt() + " ICT staff with "
                + result.path("skillsSet").asInt() + " skills (CSV import)");
    }

    /** Replaces {@code today-30} / {@code today+45} with real dates. */
    static String withDates(String csv, LocalDate today) {
        Matcher m = RELATIVE_DATE.matcher(csv);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, today.plusDays(Long.parseLong(m.group(1))).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private long count(String path) {
        return api.get(urls.skills() + path + (path.contains("?") ? "&" : "?") + "size=1")
                .path("totalItems")
                .asLong();
    }

    JsonNode read(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return api.json.readTree(in);
        }
    }

    private String text(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private InputStream resource(String name) throws IOException {
        InputStream in = getClass().getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing demo resource " + name);
        }
        return in;
    }
}
