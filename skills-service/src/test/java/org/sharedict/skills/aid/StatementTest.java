package org.sharedict.skills.aid;

import java.io.IOException;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.InjectRotaStub;
import org.sharedict.skills.support.RotaStub;
import org.sharedict.testing.MailServer;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.skills.aid.AidParties.post;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/**
 * Statements between two partners, priced by the seeded agreement (flat £35 an hour, out of hours
 * × 1.5, netted), with rota-service's out-of-hours cover from a WireMock stand-in.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
@QuarkusTestResource(RotaStub.class)
class StatementTest {

    private static final String PERIOD = "?from=2026-06-01&to=2026-06-30";

    @InjectRotaStub
    WireMockServer rota;

    @AfterEach
    void resetStub() {
        rota.resetAll();
    }

    /** The helping partner gave 2 h in hours and 1 h out of hours, confirmed; 30 min more await confirmation. */
    private AidParties helpGiven() {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", true, true));
        String path = "/api/aid/requests/" + id;
        post(p.helpingManagerToken(), path + "/approve", null).statusCode(200);
        for (Object[] t : new Object[][] {{2, false}, {1, true}}) {
            long time = post(
                            p.helperToken(),
                            path + "/time",
                            Map.of("workedOn", "2026-06-15", "hours", t[0], "outOfHours", t[1]))
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            post(p.askingManagerToken(), path + "/time/" + time + "/confirm", null)
                    .statusCode(200);
        }
        post(p.helperToken(), path + "/time", Map.of("workedOn", "2026-06-16", "hours", 0.5, "outOfHours", false))
                .statusCode(201);
        return p;
    }

    /**
     * rota-service's report: on the districts' rota the helping partner's people covered the asking
     * partner for 10.5 h out of hours and were covered by it for 4.25 h; a third partner's cover of the
     * helping one is no business of this pair's statement.
     */
    private void coverReport(AidParties p) {
        rota.stubFor(get(urlPathEqualTo("/api/rotas/reports/hours"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"from": "2026-05-31T23:00:00Z", "to": "2026-06-30T23:00:00Z", "rotaId": null, "people": [],
                                 "partners": [
                                   {"partner": "%1$s", "primaryHours": 168.0, "secondaryHours": 0, "outOfHoursHours": 120.5, "people": 2},
                                   {"partner": "%2$s", "primaryHours": 84.0, "secondaryHours": 0, "outOfHoursHours": 60.25, "people": 1}],
                                 "cover": [
                                   {"rotaId": 7, "rotaName": "Districts out of hours", "giver": "%1$s", "receiver": "%2$s", "outOfHoursHours": 10.5},
                                   {"rotaId": 7, "rotaName": "Districts out of hours", "giver": "%2$s", "receiver": "%1$s", "outOfHoursHours": 4.25},
                                   {"rotaId": 7, "rotaName": "Districts out of hours", "giver": "%3$s", "receiver": "%1$s", "outOfHoursHours": 3.0}]}
                                """.formatted(p.helping(), p.asking(), p.other()))));
    }

    @Test
    void statementNetsTheHelpGivenAndFoldsInRotaCover() {
        AidParties p = helpGiven();
        coverReport(p);
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/statements/" + p.helping() + "/" + p.asking() + PERIOD)
                .then()
                .statusCode(200)
                .body("given.hours", org.hamcrest.Matchers.equalTo(3.0f))
                .body("given.outOfHoursHours", org.hamcrest.Matchers.equalTo(1.0f))
                .body("given.unconfirmedHours", org.hamcrest.Matchers.equalTo(0.5f))
                .body("given.chargePence", org.hamcrest.Matchers.equalTo(12250))
                .body("received.chargePence", org.hamcrest.Matchers.equalTo(0))
                .body("helpNetPence", org.hamcrest.Matchers.equalTo(12250))
                // Cover at £35 an hour × 1.5: 10.5 h is £551.25, 4.25 h is £223.125, rounded once to £223.13.
                .body("cover.status", org.hamcrest.Matchers.equalTo("KNOWN"))
                .body("cover.givenHours", org.hamcrest.Matchers.equalTo(10.5f))
                .body("cover.receivedHours", org.hamcrest.Matchers.equalTo(4.25f))
                .body("cover.givenChargePence", org.hamcrest.Matchers.equalTo(55125))
                .body("cover.receivedChargePence", org.hamcrest.Matchers.equalTo(22313))
                .body("cover.netPence", org.hamcrest.Matchers.equalTo(32812))
                .body("cover.lines", hasSize(2))
                .body("cover.lines[0].rota", org.hamcrest.Matchers.equalTo("Districts out of hours"))
                .body("netPence", org.hamcrest.Matchers.equalTo(45062))
                .body("payer", org.hamcrest.Matchers.equalTo(p.asking()))
                .body("payee", org.hamcrest.Matchers.equalTo(p.helping()))
                .body("lines", hasSize(3));
        // The period is the partnership's calendar: 1 June in London began at 23:00 UTC on 31 May.
        rota.verify(getRequestedFor(urlPathEqualTo("/api/rotas/reports/hours"))
                .withQueryParam("from", equalTo("2026-05-31T23:00:00Z"))
                .withQueryParam("to", equalTo("2026-06-30T23:00:00Z")));
        // Seen from the other side, the same money with the sign turned.
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/statements/" + p.asking() + "/" + p.helping() + PERIOD)
                .then()
                .body("netPence", org.hamcrest.Matchers.equalTo(-45062))
                .body("cover.givenHours", org.hamcrest.Matchers.equalTo(4.25f))
                .body("payer", org.hamcrest.Matchers.equalTo(p.asking()));
        given().auth()
                .oauth2(p.otherManagerToken())
                .when()
                .get("/api/aid/statements/" + p.asking() + "/" + p.helping() + PERIOD)
                .then()
                .spec(problem(403));
    }

    @Test
    void whenRotaServiceIsDownCoverIsUnknownNotZero() {
        AidParties p = helpGiven();
        rota.stubFor(get(urlPathEqualTo("/api/rotas/reports/hours"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/statements/" + p.helping() + "/" + p.asking() + PERIOD)
                .then()
                .statusCode(200)
                .body("netPence", org.hamcrest.Matchers.equalTo(12250))
                .body("cover.status", org.hamcrest.Matchers.equalTo("UNKNOWN"))
                .body("cover.reason", containsString("rota-service"))
                .body("cover.givenHours", nullValue())
                .body("cover.netPence", nullValue())
                .body("cover.lines", hasSize(0));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/statements/" + p.helping() + "/" + p.asking() + PERIOD + "&format=csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("rota-cover-total,," + p.helping() + "," + p.asking()
                        + ",,out-of-hours rota cover given,unknown,yes,,unknown"))
                .body(containsString("net,," + p.asking() + "," + p.helping()
                        + ",,netted: payer pays payee (help only: rota cover unknown),,,,122.50"));
    }

    @Test
    void statementAsPdfSaysWhoPaysWhom() throws IOException {
        AidParties p = helpGiven();
        coverReport(p);
        byte[] pdf = given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/statements/" + p.helping() + "/" + p.asking() + PERIOD + "&format=pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(p.asking() + " pays " + p.helping() + " £450.62"), text);
            assertTrue(
                    text.contains("Out-of-hours rota cover given: " + p.helping() + " 10.50 h (£551.25), " + p.asking()
                            + " 4.25 h (£223.13)"),
                    text);
            assertTrue(
                    text.contains("Districts out of hours: " + p.helping() + " covered " + p.asking() + " 10.50 h"),
                    text);
        }
    }

    @Test
    void partnershipPositionsBalanceAndStaffSeeOnlyTheirOwn() {
        AidParties p = helpGiven();
        coverReport(p);
        // The helping partner: +£122.50 help, +£328.12 net cover from the asking one, -£157.50 cover from the third.
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/aid/ledger" + PERIOD)
                .then()
                .statusCode(200)
                .body("cover", org.hamcrest.Matchers.equalTo("KNOWN"))
                .body("sumOfNetPence", org.hamcrest.Matchers.equalTo(0))
                .body(
                        "partners.find { it.partner == '" + p.helping() + "' }.netPence",
                        org.hamcrest.Matchers.equalTo(29312))
                .body(
                        "partners.find { it.partner == '" + p.other() + "' }.netPence",
                        org.hamcrest.Matchers.equalTo(15750));
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/ledger" + PERIOD)
                .then()
                .statusCode(200)
                .body("partners", hasSize(1))
                .body("partners[0].netPence", org.hamcrest.Matchers.equalTo(-45062));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/aid/ledger?from=2026-06-30&to=2026-06-01")
                .then()
                .spec(invalidField("to"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/aid/statements/" + p.asking() + "/NOPE" + PERIOD)
                .then()
                .spec(problem(404));
    }
}
