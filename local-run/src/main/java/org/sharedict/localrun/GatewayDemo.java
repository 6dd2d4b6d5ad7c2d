package org.sharedict.localrun;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Demo data for the gateway, through its own API: users for each kind of person (README, "Demo
 * users"), linked to their skills-service person where they are ICT staff (found by e-mail, through
 * the gateway's routing), and an API key for a monitoring system. The key is shown once, as for any
 * key: printed here and kept in {@code .data/demo-api-key.txt}.
 */
final class GatewayDemo {

    /** Every demo user's password (admin's is admin: the gateway seeds it itself under ./run.sh). */
    static final String PASSWORD = "demo-password";

    record DemoUser(
            String username,
            String displayName,
            String partner,
            List<String> roles,
            String personEmail,
            String email) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "harriet.dunmore",
                    "Harriet Dunmore",
                    "BBC",
                    List.of("manager"),
                    "harriet.dunmore@boston.example.gov.uk",
                    null),
            new DemoUser(
                    "tom.ashworth",
                    "Tom Ashworth",
                    "BBC",
                    List.of("engineer"),
                    "tom.ashworth@boston.example.gov.uk",
                    null),
            new DemoUser(
                    "dr.lead.col",
                    "City of Lincoln DR lead",
                    "COL",
                    List.of("dr-lead"),
                    null,
                    "dr.lead@col.example.gov.uk"),
            new DemoUser(
                    "viewer.lcc",
                    "Lincolnshire CC viewer",
                    "LCC",
                    List.of("viewer"),
                    null,
                    "ict.viewer@lincolnshire.example.gov.uk"));

    private final Api api;
    private final DemoSeeder.Urls urls;

    GatewayDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws IOException {
        String gateway = urls.gateway();
        if (api.get(gateway + "/api/users?q=" + enc(USERS.get(0).username()) + "&size=1")
                        .path("totalItems")
                        .asLong()
                > 0) {
            DemoSeeder.say("gateway already has the demo users; left as they are");
            return;
        }
        for (DemoUser u : USERS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", u.username());
            body.put("displayName", u.displayName());
            body.put("partner", u.partner());
            body.put("roles", u.roles());
            body.put("password", PASSWORD);
            body.put("email", u.email());
            if (u.personEmail() != null) {
                JsonNode people = api.get(gateway + "/api/people?email=" + enc(u.personEmail()) + "&size=1")
                        .path("items");
                if (people.isEmpty()) {
                    throw new IllegalStateException(
                            "skills-service has no person " + u.personEmail() + " for the demo user " + u.username());
                }
                body.put("personId", people.get(0).get("id").asLong());
                body.put("email", u.personEmail());
            }
            api.post(gateway + "/api/users", body);
        }
        JsonNode key = api.post(
                gateway + "/api/api-keys",
                Map.of(
                        "name",
                        "Boston network monitoring (demo)",
                        "partner",
                        "BBC",
                        "permissions",
                        List.of("incidents:write")));
        // run.sh keeps the keys in $DATA_DIR/keys, so the key file lands beside them in $DATA_DIR.
        Path keys = Path.of(DemoSeeder.env("JWT_PRIVATE_KEY_LOCATION", ".data/keys/privateKey.pem"))
                .toAbsolutePath()
                .getParent();
        Path file = keys.getParent().resolve("demo-api-key.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, key.get("key").asText() + "\n", StandardCharsets.US_ASCII);
        DemoSeeder.say(USERS.size() + " demo users (password " + PASSWORD + ") and an API key for Boston's monitoring, "
                + "incidents:write, in " + file + ": " + key.get("key").asText());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
