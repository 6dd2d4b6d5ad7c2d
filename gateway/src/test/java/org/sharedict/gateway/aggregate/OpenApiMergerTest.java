package org.sharedict.gateway.aggregate;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        JsonNode merged = OpenApiMerger.merge(
                gateway,
                List.of(
                        OpenApiMerger.Part.included(
                                "skills-service", skills, p -> p.startsWith("/api/people"), (m, p) -> false, 1000),
                        OpenApiMerger.Part.missing("rota-service", "did not answer")));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("gateway", schemas.path("Page").path("title").asText());
        assertEquals("skills", schemas.path("skills-service.Page").path("title").asText());
        assertFalse(schemas.has("skills-service.Problem"), "identical definitions are not duplicated");
        assertEquals(
                "#/components/schemas/skills-service.Page",
                merged.path("paths")
                        .path("/api/people")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/skills-service.Page",
                schemas.path("Wrapper")
                        .path("properties")
                        .path("p")
                        .path("$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/Problem",
                schemas.path("Wrapper")
                        .path("properties")
                        .path("q")
                        .path("$ref")
                        .asText());
        assertFalse(merged.path("paths").has("/q/internal"));
        assertFalse(merged.has("servers"));
        assertTrue(merged.path("info").path("description").asText().contains("rota-service (did not answer)"));
        assertEquals(
                false,
                merged.path("x-sharedict-services").get(2).path("included").asBoolean());
    }

    @Test
    void everyServiceOperationAlsoDocumentsWhatTheGatewayAnswersForIt() throws Exception {
        JsonNode gateway = json.readTree("""
                {"openapi":"3.0.3","info":{"title":"Platform"},"paths":{},
                 "components":{"schemas":{"Problem":{"type":"object"}}}}""");
        JsonNode rota = json.readTree("""
                {"openapi":"3.0.3","paths":{
                  "/api/incidents":{"post":{"requestBody":{"content":{"application/json":{}}},
                     "responses":{"201":{"description":"Raised"},"401":{"description":"Theirs"},
                                  "503":{"description":"The database is unavailable"}}}},
                  "/api/calendar/feeds/{secret}.ics":{"get":{"responses":{"200":{"description":"The feed"}}}}}}""");
        JsonNode merged = OpenApiMerger.merge(
                gateway,
                List.of(OpenApiMerger.Part.included(
                        "rota-service",
                        rota,
                        p -> p.startsWith("/api/incidents") || p.startsWith("/api/calendar"),
                        (m, p) -> m.equals("GET") && p.matches("/api/calendar/feeds/[^/]*\\.ics"),
                        10_485_760)));

        JsonNode raise =
                merged.path("paths").path("/api/incidents").path("post").path("responses");
        assertEquals("Theirs", raise.path("401").path("description").asText(), "what the service documents is kept");
        for (String status : List.of("403", "413", "429")) {
            assertEquals(
                    "#/components/schemas/Problem",
                    raise.path(status)
                            .path("content")
                            .path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asText(),
                    status);
        }
        assertTrue(raise.path("413").path("description").asText().contains("10485760 bytes"));
        assertTrue(raise.path("429").path("headers").has("Retry-After"));
        assertTrue(raise.path("503")
                .path("description")
                .asText()
                .startsWith("The database is unavailable; or, from the gateway: " + "rota-service cannot be reached"));

        JsonNode feed = merged.path("paths")
                .path("/api/calendar/feeds/{secret}.ics")
                .path("get")
                .path("responses");
        assertFalse(feed.has("401"), "a public path is never refused for want of a token");
        assertFalse(feed.has("413"), "no body, no 413");
        assertTrue(feed.has("429")
                && feed.has("503")
                && feed.path("503").path("headers").has("Retry-After"));
    }
}
