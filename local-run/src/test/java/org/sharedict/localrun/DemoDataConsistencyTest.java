package org.sharedict.localrun;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data of different services must agree: a DR step that needs a skill code the
 * taxonomy lacks would show up in the demo as "unknown skill" instead of real staffing.
 */
class DemoDataConsistencyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySkillTheDrTemplateNeedsIsInTheDemoTaxonomy() throws Exception {
        Set<String> taxonomy = new TreeSet<>();
        for (JsonNode s : read("demo/skills-taxonomy.json").path("skills")) {
            taxonomy.add(s.path("code").asText());
        }
        Set<String> needed = new TreeSet<>();
        collectSkills(read("demo/dr-template.json"), needed);
        needed.removeAll(taxonomy);
        assertEquals(Set.of(), needed, "DR template skill codes missing from the skills taxonomy");
    }

    @Test
    void noNameOrAliasBelongsToTwoDemoSkills() throws Exception {
        // skills-service refuses a term that already names another skill (409, compared folded:
        // case, spaces and punctuation ignored), which would stop the demo load half-way.
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        Set<String> clashes = new TreeSet<>();
        for (JsonNode s : read("demo/skills-taxonomy.json").path("skills")) {
            String code = s.path("code").asText();
            java.util.List<String> terms = new java.util.ArrayList<>(
                    java.util.List.of(code, s.path("name").asText()));
            s.path("aliases").forEach(a -> terms.add(a.asText()));
            for (String term : terms) {
                String previous = owner.putIfAbsent(
                        term.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+#&]", ""), code);
                if (previous != null && !previous.equals(code)) {
                    clashes.add(term + " (" + previous + ", " + code + ")");
                }
            }
        }
        assertEquals(Set.of(), clashes, "terms naming two skills");
    }

    @Test
    void everyRotaMemberIsDemoStaffWhoWorksOutOfHours() throws Exception {
        // rota-service checks each member with skills-service; a typo would stop the demo load.
        java.util.Map<String, String> outOfHours = new java.util.HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/people.csv")) {
            java.util.List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            java.util.List<String> header = java.util.Arrays.asList(lines.get(0).split(","));
            int email = header.indexOf("email");
            int ooh = header.indexOf("out_of_hours");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                outOfHours.put(cells[email], cells[ooh]);
            }
        }
        Set<String> wrong = new TreeSet<>();
        for (JsonNode r : read("demo/rotas.json").path("rotas")) {
            for (String layer : java.util.List.of("primary", "secondary")) {
                r.path(layer).forEach(e -> {
                    if (!"yes".equals(outOfHours.get(e.asText()))) {
                        wrong.add(e.asText());
                    }
                });
            }
        }
        assertEquals(Set.of(), wrong, "rota members who are not demo staff doing out-of-hours work");
    }

    @Test
    void theReadmesHeadlineQueryFindsSomeoneOutsideBoston() throws Exception {
        // README: "Who outside Boston can help with Citrix and MS SQL?" (every skill, level 3 or more).
        java.util.Map<String, String> terms = new java.util.HashMap<>();
        for (JsonNode s : read("demo/skills-taxonomy.json").path("skills")) {
            String code = s.path("code").asText();
            terms.put(fold(code), code);
            terms.put(fold(s.path("name").asText()), code);
            s.path("aliases").forEach(a -> terms.put(fold(a.asText()), code));
        }
        String citrix = terms.get(fold("citrix"));
        String msSql = terms.get(fold("MS SQL"));
        java.util.List<String> found = new java.util.ArrayList<>();
        for (java.util.Map<String, String> row : people()) {
            java.util.Map<String, Integer> held = new java.util.HashMap<>();
            for (String entry : row.get("skills").split(";")) {
                String[] parts = entry.trim().split(":");
                if (parts.length >= 2) {
                    held.put(terms.getOrDefault(fold(parts[0]), parts[0]), Integer.parseInt(parts[1]));
                }
            }
            if (!"BBC".equals(row.get("partner"))
                    && held.getOrDefault(citrix, 0) >= 3
                    && held.getOrDefault(msSql, 0) >= 3) {
                found.add(row.get("name"));
            }
        }
        assertTrue(!found.isEmpty(), "nobody outside Boston holds " + citrix + " and " + msSql + " at level 3 or more");
    }

    @Test
    void theReadmesCurlCommandsEncodeTheirQueries() throws Exception {
        // A space pasted into a shell's quoted URL reaches curl as it is, and curl sends a request line the server
        // refuses.
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("curl [^\\n]*'(https?://[^']*)'|`GET (/api/[^`]*)`")
                .matcher(readme);
        Set<String> bad = new TreeSet<>();
        int urls = 0;
        while (m.find()) {
            urls++;
            String url = m.group(1) != null ? m.group(1) : m.group(2);
            if (url.contains(" ")) {
                bad.add(url);
            }
        }
        assertTrue(urls >= 2, "the README's curl examples were not found");
        assertEquals(Set.of(), bad, "URLs with an unencoded space");
    }

    @Test
    void theDemoEngineersTurnOnTheCouncilsRotaComesWithinFourWeeksWhateverTheDayOfLoading() throws Exception {
        JsonNode councils = read("demo/rotas.json").path("rotas").get(0);
        assertEquals(
                "tom.ashworth@boston.example.gov.uk",
                councils.path("primary").get(0).asText(),
                "the README's engineer leads the rota");
        int members = councils.path("primary").size();
        java.time.LocalTime handoff =
                java.time.LocalTime.parse(councils.path("handoffTime").asText());
        for (java.time.LocalDate today = java.time.LocalDate.of(2026, 1, 1);
                today.getYear() < 2028;
                today = today.plusDays(1)) {
            java.time.LocalDate start = RotaDemo.startDate(councils, today, members);
            // Weekly turns in member order from the start: the first member's turns begin every `members` weeks.
            java.time.LocalDate turn = start;
            while (!turn.atTime(handoff).isAfter(today.atTime(23, 59))) {
                turn = turn.plusWeeks(members);
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(today, turn);
            assertTrue(
                    days >= 1 && days <= 21,
                    "loaded on " + today + ": his next turn begins " + turn + " (start " + start + ")");
            assertTrue(start.isBefore(today), "the rota has a history: it began before " + today);
        }
    }

    private static String fold(String term) {
        return term.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+#&]", "");
    }

    /** demo/people.csv as rows of column → cell. */
    private java.util.List<java.util.Map<String, String>> people() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/people.csv")) {
            java.util.List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            java.util.List<String> header = java.util.Arrays.asList(lines.get(0).split(","));
            java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                java.util.Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.size() && i < cells.length; i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private void collectSkills(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode skill = node.get("skill");
            if (skill != null && skill.isTextual()) {
                out.add(skill.asText());
            }
            node.forEach(child -> collectSkills(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectSkills(child, out));
        }
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }
}
