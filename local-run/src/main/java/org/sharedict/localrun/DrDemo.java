package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * SHDC and WLDC are drafts on version 1 that can be rebased. COL's owner and its infrastructure
 * engineer are skills-service people, so its invocation calls them out through rota-service (its
 * facilities manager is a name only, and the call-out says so). Everything goes through the API,
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
            Map<String, Long> callTree =
                    council.equals("COL") ? DrPlanContent.colCallTree(api, urls.skills()) : Map.of();
            JsonNode plan = lead.post(dr + "/plans", DrPlanContent.plan(council, template, callTree));
            long id = plan.get("id").asLong();
            plans.put(council, id);
            Map<String, Object> custom = DrPlanContent.customisation(council);
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
                        "criterion",
                        "tier1-down",
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

        seedImpact(col, dr, plans.get("COL"));

        Api bbc = new Api(LocalToken.mint(key, issuer, "dr.lead.bbc", "BBC", List.of("dr-lead")));
        bbc.post(
                dr + "/exercises",
                Map.of(
                        "planId",
                        plans.get("BBC"),
                        "heldOn",
                        DemoSeeder.today().minusDays(40).toString(),
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
                                        DemoSeeder.today().plusMonths(2).toString()),
                                Map.of(
                                        "description",
                                        "Renew the generator fuel contract",
                                        "owner",
                                        "Facilities manager",
                                        "status",
                                        "DONE"))));
        // City of Lincoln: a tabletop held in the spring left an action open past its date, and a
        // simulation of a ransomware attack is scheduled three weeks ahead.
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("planId", plans.get("COL"));
        held.put("heldOn", DemoSeeder.today().minusMonths(5).toString());
        held.put("type", "TABLETOP");
        held.put("scope", "Power failure at City Hall during the benefits payment run");
        held.put("activities", List.of("dc-power", "dc-cooling", "core-network", "revs-bens"));
        held.put("participants", List.of("DR lead, COL", "Facilities manager", "Revenues and benefits manager"));
        held.put("findings", List.of("The generator changeover must be done by hand and only two people know how"));
        held.put(
                "actions",
                List.of(Map.of(
                        "description",
                        "Write the manual changeover procedure and train the on-call engineers",
                        "owner",
                        "Facilities manager",
                        "dueDate",
                        DemoSeeder.today().minusDays(10).toString(),
                        "finding",
                        0)));
        col.post(dr + "/exercises", held);
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("planId", plans.get("COL"));
        scheduled.put("heldOn", DemoSeeder.today().plusWeeks(3).toString());
        scheduled.put("status", "SCHEDULED");
        scheduled.put("type", "SIMULATION");
        scheduled.put(
                "scope", "Ransomware encrypts the file and SQL servers overnight; restore from the offline copies");
        scheduled.put("activities", List.of("active-directory", "sql", "backup", "file-storage", "payroll"));
        // Written with addresses, so each is reminded a week ahead.
        scheduled.put(
                "participants",
                List.of(
                        "DR lead, COL <dr.lead@col.example.gov.uk>",
                        "Infrastructure engineers <infrastructure@col.example.gov.uk>",
                        "Payroll lead <payroll@col.example.gov.uk>"));
        col.post(dr + "/exercises", scheduled);
        // COL's offline copies: its DR lead at work and at home, and Boston's DR lead as the partner
        // who would step in. The approved revision goes to each at once; none has acknowledged yet.
        for (Map<String, String> holder : List.of(
                Map.of(
                        "name",
                        "DR lead, COL",
                        "email",
                        "dr.lead@col.example.gov.uk",
                        "note",
                        "printed, in the grab bag at City Hall"),
                Map.of("name", "DR lead, COL (home)", "email", "col.dr.lead@home.example.net", "note", "at home"),
                Map.of("name", "DR lead, Boston Borough Council", "email", "dr.lead@bbc.example.gov.uk"))) {
            col.post(dr + "/plans/" + plans.get("COL") + "/copy-holders", holder);
        }
        DemoSeeder.say("DR template (2 versions), " + plans.size()
                + " partner plans, 1 invocation in progress (its call-out on City of Lincoln's plan page), 3 exercises (1 scheduled), COL's business impact analysis"
                + " and 3 copy holders");
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

    /**
     * City of Lincoln's business impact analysis and backup regime: benefits become unacceptable
     * after 72 h but are backed up only daily against a 1 h RPO, with a restore test 14 months old;
     * payroll's statutory impact is major by 24 h while its RTO is 24 h; the SQL estate is in order.
     */
    private static void seedImpact(Api col, String dr, long plan) throws Exception {
        String base = dr + "/plans/" + plan + "/impact/";
        col.put(
                base + "revs-bens",
                assessment(
                        Map.of(
                                "SERVICE_TO_RESIDENTS", List.of(1, 2, 3, 4, 5),
                                "STATUTORY_LEGAL", List.of(1, 1, 3, 4, 5),
                                "FINANCIAL", List.of(1, 2, 3, 3, 4),
                                "REPUTATION", List.of(1, 2, 3, 3, 4),
                                "SAFETY_SAFEGUARDING", List.of(1, 1, 2, 3, 4)),
                        1440,
                        true,
                        DemoSeeder.today().minusMonths(14)));
        col.put(
                base + "payroll",
                assessment(
                        Map.of(
                                "STATUTORY_LEGAL", List.of(1, 2, 4, 5, 5),
                                "FINANCIAL", List.of(1, 1, 2, 3, 4),
                                "REPUTATION", List.of(1, 1, 3, 4, 4)),
                        60,
                        false,
                        DemoSeeder.today().minusMonths(3)));
        col.put(base + "sql", assessment(Map.of(), 15, true, DemoSeeder.today().minusMonths(2)));
    }

    private static Map<String, Object> assessment(
            Map<String, List<Integer>> ratings, int backupEveryMinutes, boolean offlineCopy, LocalDate restoreTested) {
        return Map.of(
                "ratings",
                ratings,
                "backupFrequencyMinutes",
                backupEveryMinutes,
                "offlineCopy",
                offlineCopy,
                "lastRestoreTest",
                restoreTested.toString());
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
