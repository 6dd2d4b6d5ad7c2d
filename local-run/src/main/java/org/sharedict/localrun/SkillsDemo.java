package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for skills-service: the Lincolnshire partners (fictional contact numbers from
 * Ofcom's drama ranges), then taxonomy and staff.
 */
final class SkillsDemo {

    private final Api api;
    private final DemoSeeder.Urls urls;

    SkillsDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws IOException {
        if (api.get(urls.skills() + "/api/partners?size=1").path("totalItems").asLong() > 0) {
            DemoSeeder.say("skills-service already has partners; left as it is");
            return;
        }
        JsonNode partners = read("demo/partners.json");
        for (JsonNode p : partners) {
            api.post(urls.skills() + "/api/partners", p);
        }
        DemoSeeder.say(partners.size() + " partners");
    }

    JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing demo resource " + resource);
            }
            return api.json.readTree(in);
        }
    }
}
