package org.sharedict.dr.exports;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;

/** Offline copies open with activation and the call tree, and carry the business impact section. */
@QuarkusTest
class ExportActivationAndImpactTest {

    private static long approvedPlanWithActivationAndImpact() {
        Map<String, Object> body = new HashMap<>();
        body.put("partner", "ELDC");
        body.put("name", "ELDC plan with activation");
        body.put("templateId", publishedTemplate(councilActivities()));
        body.put(
                "specifics",
                Map.of(
                        "owners",
                        List.of(Map.of("role", "Network engineer", "name", "Nia Network", "phone", "01632 960001")),
                        "activation",
                        Map.of(
                                "criteria",
                                List.of(Map.of(
                                        "key", "tier1-down",
                                        "condition", "A tier-1 system is down",
                                        "threshold", "longer than 2 hours")),
                                "mayInvoke",
                                List.of(Map.of("username", "duty.officer", "name", "Out-of-hours duty officer")))));
        long id = ((Number) given().auth()
                        .oauth2(Tokens.drLead("ELDC"))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/dr/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        approve("ELDC", id);
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "ratings",
                        Map.of("STATUTORY_LEGAL", List.of(1, 2, 4, 5, 5)),
                        "backupFrequencyMinutes",
                        1440,
                        "offlineCopy",
                        false,
                        "lastRestoreTest",
                        "2026-03-31"))
                .when()
                .put("/api/dr/plans/" + id + "/impact/payroll")
                .then()
                .statusCode(200);
        return id;
    }

    private static void inOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            assertTrue(next > at, "'" + part + "' after the previous part in:\n" + text);
            at = next;
        }
    }

    @Test
    void markdownHtmlAndPdfPutActivationAndTheCallTreeFirst() throws IOException {
        long id = approvedPlanWithActivationAndImpact();
        String md = given().auth()
                .oauth2(Tokens.viewer("ELDC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.md")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        inOrder(
                md,
                "## Activation",
                "A tier-1 system is down (longer than 2 hours)",
                "Out-of-hours duty officer (duty.officer)",
                "## Call tree",
                "Nia Network",
                "## Recovery order",
                "## Business impact, targets and backups",
                "backups every 1 d cannot meet an RPO of 1 h",
                "## Activities and recovery steps");
        String html = given().auth()
                .oauth2(Tokens.viewer("ELDC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        inOrder(
                html,
                "<h2>Activation</h2>",
                "A tier-1 system is down (longer than 2 hours)",
                "<h2>Call tree</h2>",
                "<h2>Recovery order</h2>",
                "<h2>Business impact, targets and backups</h2>",
                "every 24 h, no offline copy, restore tested 31 March 2026",
                "<h2>Activities and recovery steps</h2>");
        byte[] pdf = given().auth()
                .oauth2(Tokens.viewer("ELDC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            inOrder(
                    text,
                    "Activation",
                    "A tier-1 system is down (longer than 2 hours)",
                    "Out-of-hours duty officer (duty.officer)",
                    "Call tree",
                    "Network engineer: Nia Network",
                    "Recovery order",
                    "Business impact, targets and backups",
                    "Payroll",
                    "Activities and recovery steps");
        }
    }

    @Test
    void aPlanWithoutActivationSaysWhoMayByDefault() {
        long id = ((Number) given().auth()
                        .oauth2(Tokens.drLead("ELDC"))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "partner",
                                "ELDC",
                                "name",
                                "ELDC plan",
                                "templateId",
                                publishedTemplate(councilActivities())))
                        .when()
                        .post("/api/dr/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        approve("ELDC", id);
        String md = given().auth()
                .oauth2(Tokens.viewer("ELDC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.md")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        inOrder(
                md,
                "## Activation",
                "The plan states no activation criteria.",
                "DR leads and managers of ELDC, and partnership admins",
                "## Call tree");
    }
}
