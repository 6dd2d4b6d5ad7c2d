package org.sharedict.gateway.testing;

/**
 * Small OpenAPI documents as each stand-in service publishes them, with a schema name they share.
 * Their answers are whatever a test stubs, so their objects allow any other members.
 */
final class OpenApiDocs {

    private OpenApiDocs() {}

    static String of(String service) {
        String path = switch (service) {
            case "skills-service" -> "/api/experts";
            case "rota-service" -> "/api/oncall";
            case "dr-planner" -> "/api/dr/plans";
            default -> "/api/probe/stream";
        };
        // Every service has a PageView, each with a different item type: the merge must keep them apart.
        return """
                {"openapi":"3.0.3","info":{"title":"%1$s API","version":"1.0.0-SNAPSHOT"},
                 "servers":[{"url":"http://internal-%1$s:8080"}],
                 "tags":[{"name":"%1$s tag"}],
                 "paths":{"%2$s":{"get":{"tags":["%1$s tag"],"responses":{"200":{"description":"OK",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageView"}}}}}}},
                   "/not/routed/%1$s":{"get":{"responses":{"200":{"description":"OK"}}}}},
                 "components":{"schemas":{"PageView":{"type":"object","additionalProperties":true,"properties":{"items":{"type":"array",
                   "items":{"$ref":"#/components/schemas/%1$sItem"}}}},
                   "%1$sItem":{"type":"object","properties":{"name":{"type":"string"}}}}}}
                """.formatted(service, path);
    }
}
