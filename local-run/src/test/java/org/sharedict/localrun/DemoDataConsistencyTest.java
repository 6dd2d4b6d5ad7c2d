package org.sharedict.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
            java.util.List<String> terms = new java.util.ArrayList<>(java.util.List.of(code, s.path("name").asText()));
            s.path("aliases").forEach(a -> terms.add(a.asText()));
            for (String term : terms) {
                String previous = owner.putIfAbsent(term.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+#&]", ""), code);
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
            java.util.List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
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
