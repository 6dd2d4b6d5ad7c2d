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
