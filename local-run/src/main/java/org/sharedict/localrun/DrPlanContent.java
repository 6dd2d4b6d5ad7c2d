package org.sharedict.localrun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the demo's council DR plans say: each council's plan on the generic template, the
 * partnership's standard activation wording, and each council's differences from the generic
 * plan, and the skills-service people City of Lincoln's call tree pages. {@link DrDemo} sends it
 * through the API.
 */
final class DrPlanContent {

    private DrPlanContent() {}

    /** A council's plan; {@code callTree} names the skills-service people (by plan role) its invocation calls out. */
    static Map<String, Object> plan(String council, long template, Map<String, Long> callTree) {
        String domain = council.toLowerCase() + ".example.gov.uk";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partner", council);
        p.put("name", council + " ICT disaster recovery plan");
        p.put("templateId", template);
        p.put("templateVersion", 1);
        p.put("ownerName", "DR lead, " + council);
        p.put("ownerEmail", "dr.lead@" + domain);
        List<Map<String, Object>> owners = new ArrayList<>();
        if (callTree.containsKey("DR lead")) {
            p.put("ownerName", "Simon Brayford");
            p.put("ownerEmail", "simon.brayford@lincoln.example.gov.uk");
            owners.add(Map.of(
                    "role",
                    "DR lead",
                    "name",
                    "Simon Brayford",
                    "email",
                    "simon.brayford@lincoln.example.gov.uk",
                    "personId",
                    callTree.get("DR lead")));
        }
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
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("role", r[0]);
            owner.put("name", r[1] + " (" + council + ")");
            owner.put("email", r[1].toLowerCase().replace(' ', '.') + "@" + domain);
            owner.put("phone", "01632 96" + (1000 + Math.abs((council + r[0]).hashCode()) % 8999));
            if (callTree.containsKey(r[0])) {
                owner.put("name", "Ravi Mistry");
                owner.put("email", "ravi.mistry@lincoln.example.gov.uk");
                owner.put("personId", callTree.get(r[0]));
            }
            owners.add(owner);
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
                                        "01632 960600")),
                        "activation",
                        activation()));
        return p;
    }

    /** When a council's plan is invoked, and by whom: the partnership's standard wording. */
    private static Map<String, Object> activation() {
        return Map.of(
                "criteria",
                List.of(
                        Map.of(
                                "key", "tier1-down",
                                "condition", "A tier-1 activity is down or cannot be reached",
                                "threshold", "longer than 2 hours, or no fix in sight"),
                        Map.of(
                                "key", "site-lost",
                                "condition", "The main offices or the data centre cannot be used",
                                "threshold", "expected to last beyond the working day"),
                        Map.of(
                                "key", "cyber",
                                "condition", "Ransomware or a confirmed compromise of core systems",
                                "threshold", "any")),
                "mayInvoke",
                List.of(
                        Map.of("role", "dr-lead", "name", "DR leads"),
                        Map.of("role", "manager", "name", "ICT managers"),
                        Map.of("role", "admin", "name", "Partnership admins")));
    }

    /** Each council's differences from the generic plan. */
    static Map<String, Object> customisation(String council) {
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

    /** The skills-service people in City of Lincoln's call tree, by the role they hold in its plan. */
    static Map<String, Long> colCallTree(Api api, String skills) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String[] r : new String[][] {
            {"DR lead", "simon.brayford@lincoln.example.gov.uk"},
            {"Infrastructure engineer", "ravi.mistry@lincoln.example.gov.uk"}
        }) {
            JsonNode found = api.get(skills + "/api/people?email=" + r[1]).path("items");
            if (found.size() > 0) {
                ids.put(r[0], found.get(0).get("id").asLong());
            }
        }
        return ids;
    }
}
