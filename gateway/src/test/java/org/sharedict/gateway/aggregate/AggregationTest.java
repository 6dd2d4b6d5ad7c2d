package org.sharedict.gateway.aggregate;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** One readiness and one API description for the whole platform, at the gateway. */
@QuarkusTest
class AggregationTest {

    @Test
    void readinessIncludesEveryServicesReadiness() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'platform services' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'platform services' }.data.'skills-service'", equalTo("UP"))
                .body("checks.find { it.name == 'platform services' }.data.'rota-service'", equalTo("UP"))
                .body("checks.find { it.name == 'platform services' }.data.'dr-planner'", equalTo("UP"))
                .body("checks.find { it.name == 'platform services' }.data.'dr-planner: database'", equalTo("UP"));
        given().when().get("/q/health/group/platform").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentHasEveryServicesPathsAndTheGatewaysOwn() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .body("paths", hasKey("/api/experts"))
                .body("paths", hasKey("/api/oncall"))
                .body("paths", hasKey("/api/dr/plans"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/users"))
                .body("paths", hasKey("/api/api-keys"))
                // Paths a service documents but the route table does not send to it are not reachable, so not shown.
                .body("paths", not(hasKey("/not/routed/skills-service")))
                .body("$", not(hasKey("servers")))
                .body("'x-sharedict-services'.findAll { it.included }.size()", equalTo(8))
                .body("info.description", containsString("Every service's API is included"));
    }

    @Test
    void everyRoutedOperationSaysWhatTheGatewayAnswersForItAndTheGatewaysOwnOperationsTheirLimits() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/oncall'.get.responses.keySet()", hasItems("200", "401", "403", "429", "503"))
                .body(
                        "paths.'/api/oncall'.get.responses.'503'.description",
                        containsString("rota-service cannot be reached"))
                .body("paths.'/api/oncall'.get.responses.'429'.headers", hasKey("Retry-After"))
                .body(
                        "paths.'/api/oncall'.get.responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/api/auth/login'.post.responses.keySet()",
                        hasItems("200", "400", "401", "413", "429", "503"))
                .body("paths.'/api/auth/login'.post.responses", not(hasKey("403")))
                .body("paths.'/api/users'.post.responses.keySet()", hasItems("201", "401", "403", "409", "413", "429"))
                .body("components.schemas.UserView.properties.signInsDelayedUntil.nullable", equalTo(true))
                .body("components.schemas.UserView.properties.signInsDelayedUntil.format", equalTo("date-time"));
    }

    @Test
    void clashingSchemaNamesAreKeptApartAndReferencesFollow() {
        var doc = given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        Assertions.assertTrue(schemas.containsKey("PageView") || schemas.containsKey("skills-service.PageView"));
        long pageViews =
                schemas.keySet().stream().filter(k -> k.endsWith("PageView")).count();
        Assertions.assertEquals(7, pageViews, schemas.keySet().toString());
        String ref = doc.getString("paths.'/api/oncall'.get.responses.'200'.content.'application/json'.schema.'$ref'");
        String name = ref.substring("#/components/schemas/".length());
        Assertions.assertEquals(
                "rota-serviceItem",
                doc.getString("components.schemas.'" + name + "'.properties.items.items.'$ref'")
                        .substring("#/components/schemas/".length()));
    }

    @Test
    void theDocumentIsYamlByDefaultAndSwaggerUiShowsIt() {
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("yaml"))
                .body(startsWith("---\nopenapi:"));
        given().when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("html"))
                .header("Content-Security-Policy", containsString("'unsafe-inline'"));
    }
}
