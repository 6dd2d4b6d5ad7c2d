package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Demo data for dr-planner: the partnership's generic council DR template (published, then a
 * second version that some plans have not moved onto yet), and a plan for each Lincolnshire
 * council with a few local differences. BBC, ELDC, LCC, COL and SKDC are approved; COL's own
 * benefits RTO cannot be met and COL has a live invocation in progress; NKDC awaits approval;
 * SHDC and WLDC are drafts on version 1 that can be rebased. Everything goes through the API,
 * written by each council's (fictional) DR lead and approved by the partnership admin.
 */
final class DrDemo {

    private static final List<String> COUNCILS = List.of("BBC", "ELDC", "LCC", "COL", "NKDC", "SHDC", "SKDC", "WLDC");

    private final Api api;
    private final DemoSeeder.Urls urls;

    DrDemo(Api api, DemoSeeder.Urls urls) {
        this.api = api;
        this.urls = urls;
    }

    void seed() throws Exception {
        String dr = urls.dr() + "/api/dr";
        if (api.get(dr + "/templates?size=1").path("totalItems").asLong() > 0) {
            DemoSeeder.say("dr-planner already has templates; left as it is");
            return;
        }
        JsonNode content = read("demo/dr-template.json");
        long template = api.post(
                        dr + "/templates",
                        Map.of(
                                "code",
                                "LINCS-COUNCIL",
                                "name",
                                "Generic council ICT disaster recovery plan",
                                "description",
                                "The partnership's prioritised recovery model for a district or county council's ICT: facilities first, "
                                        + "then networks, platforms, systems and the business services residents depend on."))
                .get("id")
                .asLong();
        api.post(
                dr + "/templates/" + template + "/versions",
                Map.of("notes", "First partnership version, agreed at the DR working group", "content", content));
        api.post(dr + "/templates/" + template + "/versions/1/publish", Map.of());

        PrivateKey key =
                LocalKeys.readPrivate(Path.of(DemoSeeder.env("JWT_PRIVATE_KEY_LOCATION", ".data/keys/privateKey.pem")));
        String issuer = DemoSeeder.env("JWT_ISSUER", "https://sharedict.local/gateway");
        Map<String, Long> plans = new LinkedHashMap<>();
        for (String council : COUNCILS) {
            Api lead = new Api(
                    LocalToken.mint(key, issuer, "dr.lead." + council.toLowerCase(), council, List.of("dr-lead")));
            JsonNode plan = lead.post(dr + "/plans", plan(council, template));
            long id = plan.get("id").asLong();
            plans.put(council, id);
            Map<String, Object> custom = customisation(council);
            if (custom != null) {
                custom.put("version", plan.get("version").asLong());
                lead.put(dr + "/plans/" + id + "/customisation", custom);
            }
            if (!council.equals("SHDC") && !council.equals("WLDC")) {
                lead.post(dr + "/plans/" + id + "/submit", Map.of());
            }
            if (!council.equals("SHDC") && !council.equals("WLDC") && !council.equals("NKDC")) {
                api.post(
                        dr + "/plans/" + id + "/approve",
                        Map.of("note", "Approved at the partnership DR working group"));
            }
        }

        // Version 2 of the template: Microsoft 365 identity joins, the website's RTO is tightened.
        ObjectNode v2 = content.deepCopy();
        ArrayNode activities = (ArrayNode) v2.get("activities");
        for (JsonNode a : activities) {
            if (a.get("key").asText().equals("website")) {
                ((ObjectNode) a).put("rtoMinutes", 480);
            }
            if (a.get("key").asText().equals("email")) {
                ((ArrayNode) a.get("dependsOn")).add("m365-identity");
            }
        }
        activities.add(
                api.json.valueToTree(
                        Map.of(
                                "key",
                                "m365-identity",
                                "name",
                                "Microsoft 365 identity (Entra Connect sync)",
                                "category",
                                "PLATFORM",
                                "tier",
                                1,
                                "rtoMinutes",
                                480,
                                "dependsOn",
                                List.of("active-directory", "internet"),
                                "description",
                                "Directory synchronisation and sign-in to Microsoft 365.",
                                "steps",
                                List.of(
                                        Map.of(
                                                "key",
                                                "sync",
                                                "title",
                                                "Restart Entra Connect and force a delta sync",
                                                "durationMinutes",
                                                30,
                                                "skill",
                                                "ENTRA_ID",
                                                "ownerRole",
                                                "Infrastructure engineer",
                                                "instructions",
                                                "Check the sync service account is not locked out; run a delta sync and check for export errors.")))));
        api.post(
                dr + "/templates/" + template + "/versions",
                Map.of("notes", "Adds Microsoft 365 identity; website RTO 8 hours", "content", v2));
        api.post(dr + "/templates/" + template + "/versions/2/publish", Map.of());

        // City of Lincoln is recovering from a power failure right now.
        Api col = new Api(LocalToken.mint(key, issuer, "dr.lead.col", "COL", List.of("dr-lead")));
        JsonNode inv = col.post(
                dr + "/invocations",
                Map.of(
                        "planId",
                        plans.get("COL"),
                        "reason",
                        "Power failure at City Hall: the mains supply and the generator changeover both failed",
                        "startedAt",
                        Instant.now().minus(Duration.ofMinutes(95)).toString()));
        long invId = inv.get("id").asLong();
        inv = move(
                col,
                dr,
                invId,
                inv,
                "dc-power",
                "assess",
                "DONE",
                "Fault is on the incoming supply; contractor called");
        inv = move(col, dr, invId, inv, "dc-power", "generator", "DONE", "Generator on load after a manual changeover");
        inv = move(col, dr, invId, inv, "dc-power", "ups", "DONE", null);
        inv = move(col, dr, invId, inv, "dc-cooling", "crac", "IN_PROGRESS", null);
        inv = move(
                col,
                dr,
                invId,
                inv,
                "core-network",
                "core-switches",
                "IN_PROGRESS",
                "Two stack members did not come back; swapping PSUs");
        col.post(
                dr + "/invocations/" + invId + "/notes",
                Map.of("message", "Contact centre diverted to the mobile numbers; residents told via social media"));

        Api bbc = new Api(LocalToken.mint(key, issuer, "dr.lead.bbc", "BBC", List.of("dr-lead")));
        bbc.post(
                dr + "/exercises",
                Map.of(
                        "planId",
                        plans.get("BBC"),
                        "heldOn",
                        LocalDate.now().minusDays(40).toString(),
                        "type",
                        "TABLETOP",
                        "scope",
                        "Loss of the Municipal Buildings server room during the council tax billing run",
                        "summary",
                        "The recovery order held. Payroll depended on a single SQL Server administrator.",
                        "findings",
                        List.of(
                                "Only one person can restore the SQL Server databases",
                                "The generator fuel contract had lapsed"),
                        "actions",
                        List.of(
                                Map.of(
                                        "description",
                                        "Train a second SQL Server administrator, or agree cover with LCC",
                                        "owner",
                                        "ICT manager",
                                        "dueDate",
                                        LocalDate.now().plusMonths(2).toString()),
                                Map.of(
                                        "description",
                                        "Renew the generator fuel contract",
                                        "owner",
                                        "Facilities manager",
                                        "status",
                                        "DONE"))));
        DemoSeeder.say(
                "DR template (2 versions), " + plans.size() + " partner plans, 1 invocation in progress, 1 exercise");
    }

    private JsonNode move(
            Api who, String dr, long invId, JsonNode inv, String activity, String step, String state, String note) {
        for (JsonNode a : inv.get("activities")) {
            if (!a.get("key").asText().equals(activity)) {
                continue;
            }
            for (JsonNode s : a.get("steps")) {
                if (s.get("key").asText().equals(step)) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("state", state);
                    body.put("version", s.get("version").asLong());
                    if (note != null) {
                        body.put("note", note);
                    }
                    return who.put(
                            dr + "/invocations/" + invId + "/steps/"
                                    + s.get("id").asLong(),
                            body);
                }
            }
        }
        throw new IllegalStateException("no step " + activity + "/" + step + " in the invocation");
    }

    private static Map<String, Object> plan(String council, long template) {
        String domain = council.toLowerCase() + ".example.gov.uk";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partner", council);
        p.put("name", council + " ICT disaster recovery plan");
        p.put("templateId", template);
        p.put("templateVersion", 1);
        p.put("ownerName", "DR lead, " + council);
        p.put("ownerEmail", "dr.lead@" + domain);
        List<Map<String, Object>> owners = new ArrayList<>();
        String[][] roles = {
            {"Facilities manager", "Pat Morley"},
            {"Infrastructure engineer", "Sam Carter"},
            {"Network engineer", "Alex Singh"},
            {"Security officer", "Jo Baxter"},
            {"Messaging engineer", "Chris Hale"},
            {"Telephony engineer", "Robin Ellis"},
            {"Database administrator", "Kim Osei"},
            {"Applications analyst", "Lee Turner"},
            {"Payroll systems lead", "Morgan Price"},
            {"Web manager", "Taylor Reid"}
        };
        for (String[] r : roles) {
            // Smaller districts have not named a security officer or web manager yet: analysis shows the gap.
            if ((council.equals("WLDC") || council.equals("SHDC"))
                    && (r[0].equals("Security officer") || r[0].equals("Web manager"))) {
                continue;
            }
            owners.add(Map.of(
                    "role",
                    r[0],
                    "name",
                    r[1] + " (" + council + ")",
                    "email",
                    r[1].toLowerCase().replace(' ', '.') + "@" + domain,
                    "phone",
                    "01632 96" + (1000 + Math.abs((council + r[0]).hashCode()) % 8999)));
        }
        p.put(
                "specifics",
                Map.of(
                        "owners",
                        owners,
                        "contacts",
                        List.of(Map.of(
                                "name",
                                "Duty emergency planning officer",
                                "organisation",
                                "Lincolnshire Resilience Forum",
                                "role",
                                "Multi-agency liaison",
                                "phone",
                                "01632 960999")),
                        "sites",
                        List.of(
                                Map.of("name", "Main offices", "kind", "Primary data centre"),
                                Map.of(
                                        "name",
                                        "Depot",
                                        "kind",
                                        "Recovery site: desks and network",
                                        "address",
                                        "Council depot, Lincolnshire")),
                        "suppliers",
                        List.of(
                                Map.of(
                                        "name",
                                        "Regional network provider",
                                        "service",
                                        "WAN and internet circuits",
                                        "contractRef",
                                        "NET-" + council,
                                        "phone",
                                        "01632 960500"),
                                Map.of(
                                        "name",
                                        "Generator maintenance contractor",
                                        "service",
                                        "Standby generator and fuel",
                                        "phone",
                                        "01632 960600"))));
        return p;
    }

    /** Each council's differences from the generic plan. */
    private static Map<String, Object> customisation(String council) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (council) {
            case "BBC" -> {
                c.put("overrides", List.of(Map.of("activityKey", "email", "field", "rtoMinutes", "value", 720)));
                c.put(
                        "additions",
                        Map.of(
                                "activities",
                                List.of(Map.of(
                                        "key",
                                        "cctv",
                                        "name",
                                        "Town centre CCTV control room link",
                                        "category",
                                        "SYSTEM",
                                        "tier",
                                        2,
                                        "rtoMinutes",
                                        720,
                                        "dependsOn",
                                        List.of("core-network"),
                                        "steps",
                                        List.of(Map.of(
                                                "key",
                                                "link",
                                                "title",
                                                "Restore the CCTV fibre link to the control room",
                                                "durationMinutes",
                                                60,
                                                "skill",
                                                "CISCO_SWITCHING",
                                                "ownerRole",
                                                "Network engineer"))))));
            }
            case "ELDC" -> {
                c.put(
                        "exclusions",
                        List.of(Map.of(
                                "activityKey",
                                "telephony",
                                "stepKey",
                                "pbx",
                                "reason",
                                "Telephony is Teams Phone in Microsoft 365; there is no on-premises call manager")));
                c.put(
                        "overrides",
                        List.of(Map.of(
                                "activityKey",
                                "telephony",
                                "stepKey",
                                "sip",
                                "field",
                                "title",
                                "value",
                                "Check Teams Phone calling plans and the direct routing SBC")));
            }
            case "LCC" -> {
                c.put(
                        "additions",
                        Map.of(
                                "activities",
                                List.of(Map.of(
                                        "key",
                                        "social-care",
                                        "name",
                                        "Adult and children's social care case management",
                                        "category",
                                        "BUSINESS_SERVICE",
                                        "tier",
                                        1,
                                        "rtoMinutes",
                                        720,
                                        "mtpdMinutes",
                                        1440,
                                        "dependsOn",
                                        List.of("sql", "citrix"),
                                        "steps",
                                        List.of(
                                                Map.of(
                                                        "key",
                                                        "app",
                                                        "title",
                                                        "Start the case management application",
                                                        "durationMinutes",
                                                        90,
                                                        "skill",
                                                        "MSSQL",
                                                        "ownerRole",
                                                        "Applications analyst"),
                                                Map.of(
                                                        "key",
                                                        "safeguarding",
                                                        "title",
                                                        "Confirm safeguarding alerts are flowing",
                                                        "durationMinutes",
                                                        30,
                                                        "ownerRole",
                                                        "Social care systems lead"))))));
                c.put(
                        "overrides",
                        List.of(Map.of(
                                "activityKey",
                                "core-network",
                                "stepKey",
                                "core-switches",
                                "field",
                                "durationMinutes",
                                "value",
                                90)));
            }
            case "COL" -> {
                // The city wants benefits back within 4 hours: the recovery order cannot deliver that.
                c.put("overrides", List.of(Map.of("activityKey", "revs-bens", "field", "rtoMinutes", "value", 240)));
            }
            case "NKDC" ->
                c.put(
                        "exclusions",
                        List.of(Map.of(
                                "activityKey",
                                "citrix",
                                "reason",
                                "Remote access is through the always-on VPN; Citrix was retired in 2025")));
            case "SKDC" ->
                c.put(
                        "additions",
                        Map.of("dependencies", List.of(Map.of("activityKey", "website", "dependsOn", "crm"))));
            default -> {
                return null;
            }
        }
        return c;
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
