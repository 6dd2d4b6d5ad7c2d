package org.sharedict.gateway.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiMergerTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void identicalComponentsAreSharedAndDifferentOnesRenamedWithTheirReferences() throws Exception {
        JsonNode gateway = json.readTree("""
                {"openapi":"3.1.0","info":{"title":"Platform","description":"All"},
                 "paths":{"/api/auth/login":{}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Page":{"type":"object","title":"gateway"}}}}""");
        JsonNode skills = json.readTree("""
                {"openapi":"3.1.0","servers":[{"url":"http://inside"}],
                 "paths":{"/api/people":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}},
                          "/q/internal":{}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Page":{"type":"object","title":"skills"},
                   "Wrapper":{"properties":{"p":{"$ref":"#/components/schemas/Page"},"q":{"$ref":"#/components/schemas/Problem"}}}}}}""");
        JsonNode merged = OpenApiMerger.merge(gateway, List.of(
                OpenApiMerger.Part.included("skills-service", skills, p -> p.startsWith("/api/people")),
                OpenApiMerger.Part.missing("rota-service", "did not answer")));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("gateway", schemas.path("Page").path("title").asText());
        assertEquals("skills", schemas.path("skills-service.Page").path("title").asText());
        assertFalse(schemas.has("skills-service.Problem"), "identical definitions are not duplicated");
        assertEquals("#/components/schemas/skills-service.Page", merged.path("paths").path("/api/people").path("get")
                .path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/skills-service.Page", schemas.path("Wrapper").path("properties").path("p").path("$ref").asText());
        assertEquals("#/components/schemas/Problem", schemas.path("Wrapper").path("properties").path("q").path("$ref").asText());
        assertFalse(merged.path("paths").has("/q/internal"));
        assertFalse(merged.has("servers"));
        assertTrue(merged.path("info").path("description").asText().contains("rota-service (did not answer)"));
        assertEquals(false, merged.path("x-sharedict-services").get(2).path("included").asBoolean());
    }
}
