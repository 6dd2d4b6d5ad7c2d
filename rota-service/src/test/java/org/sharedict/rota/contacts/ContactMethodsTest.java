package org.sharedict.rota.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.Paging;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ContactMethodsTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @BeforeEach
    void providers() {
        Paging.providersUp(stubs);
        clock.reset();
    }

    private static String self(Person p) {
        return Tokens.as("user-" + p.id())
                .partner(p.partner())
                .roles("engineer")
                .person(p.id())
                .token();
    }

    private static String base(Person p) {
        return "/api/contacts/" + p.id();
    }

    @Test
    void smsMethodIsStoredAsE164AndVerifiedByTheCodeNotifySent() {
        Person p = person(stubs, Fixtures.partner(stubs), "Sam Sms");
        String token = self(p);
        String phone = Paging.phone();
        String written = "0" + phone.substring(3, 7) + " " + phone.substring(7);
        long id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "SMS", "address", written, "label", "Work mobile"))
                .when()
                .post(base(p) + "/methods")
                .then()
                .statusCode(201)
                .body("address", equalTo(phone))
                .body("verified", equalTo(false))
                .extract()
                .jsonPath()
                .getLong("id");

        given().auth()
                .oauth2(token)
                .when()
                .post(base(p) + "/methods/" + id + "/code")
                .then()
                .statusCode(202)
                .body("codePending", equalTo(true));
        String text = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Paging.texts(stubs, phone), t -> !t.isEmpty())
                .get(0);
        String code = Paging.code(text);
        assertEquals(
                "00000000-0000-0000-0000-000000000002",
                Paging.sms(stubs, phone).get(0).path("template_id").asText(),
                "verification codes use their own Notify template");

        String wrong = code.equals("000000") ? "111111" : "000000";
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", wrong))
                .when()
                .post(base(p) + "/methods/" + id + "/verify")
                .then()
                .spec(invalidField("code"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when()
                .post(base(p) + "/methods/" + id + "/verify")
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("codePending", equalTo(false));

        given().auth()
                .oauth2(token)
                .when()
                .get(base(p) + "/methods")
                .then()
                .statusCode(200)
                .body("address", contains(phone))
                .body("verified", contains(true));
    }

    @Test
    void badPhoneNumberIsA400NamingTheAddress() {
        Person p = person(stubs, Fixtures.partner(stubs), "Bea Badnumber");
        for (String bad : List.of("01522 552222", "12345", "+1 202 555 0100", "07700 90012")) {
            given().auth()
                    .oauth2(self(p))
                    .contentType(ContentType.JSON)
                    .body(Map.of("kind", "SMS", "address", bad))
                    .when()
                    .post(base(p) + "/methods")
                    .then()
                    .spec(invalidField("address"));
        }
        given().auth()
                .oauth2(self(p))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "VOICE", "address", "01522 552222"))
                .when()
                .post(base(p) + "/methods")
                .then()
                .statusCode(201)
                .body("address", equalTo("+441522552222"));
        given().auth()
                .oauth2(self(p))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "SLACK", "address", "http://hooks.slack.com/services/T0/B0/x"))
                .when()
                .post(base(p) + "/methods")
                .then()
                .spec(invalidField("address"));
        given().auth()
                .oauth2(self(p))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "PIGEON", "address", "loft"))
                .when()
                .post(base(p) + "/methods")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(self(p))
                .when()
                .get(base(p) + "/methods")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void managersKeepTheirOwnPartnersStaffOnly() {
        String partner = Fixtures.partner(stubs);
        Person p = person(stubs, partner, "Sid Staff");
        String mine = Tokens.manager(partner);
        String other = Tokens.manager("NKDC");
        given().auth()
                .oauth2(mine)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "EMAIL", "address", "sid@example.gov.uk"))
                .when()
                .post(base(p) + "/methods")
                .then()
                .statusCode(201);
        given().auth().oauth2(other).when().get(base(p) + "/methods").then().spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .when()
                .get(base(p) + "/methods")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(self(p))
                .when()
                .get(base(p) + "/methods")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void anExpiredCodeDoesNotVerify() {
        Person p = person(stubs, Fixtures.partner(stubs), "Ed Expired");
        String token = self(p);
        String phone = Paging.phone();
        long id = Paging.add(token, p.id(), "SMS", phone);
        clock.set(Instant.now().minus(Duration.ofMinutes(20)));
        try {
            given().auth()
                    .oauth2(token)
                    .when()
                    .post(base(p) + "/methods/" + id + "/code")
                    .then()
                    .statusCode(202);
        } finally {
            clock.reset();
        }
        String text = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Paging.texts(stubs, phone), t -> !t.isEmpty())
                .get(0);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", Paging.code(text)))
                .when()
                .post(base(p) + "/methods/" + id + "/verify")
                .then()
                .spec(invalidField("code"))
                .body("detail", containsString("expired"));
    }

    @Test
    void fiveWrongCodesUseUpTheCode() {
        Person p = person(stubs, Fixtures.partner(stubs), "Tess Tries");
        String token = self(p);
        String phone = Paging.phone();
        long id = Paging.add(token, p.id(), "SMS", phone);
        given().auth()
                .oauth2(token)
                .when()
                .post(base(p) + "/methods/" + id + "/code")
                .then()
                .statusCode(202);
        String code = Paging.code(Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Paging.texts(stubs, phone), t -> !t.isEmpty())
                .get(0));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("code", wrong))
                    .when()
                    .post(base(p) + "/methods/" + id + "/verify")
                    .then()
                    .statusCode(400);
        }
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when()
                .post(base(p) + "/methods/" + id + "/verify")
                .then()
                .spec(problem(429));
    }

    @Test
    void sendTestReachesAnEmailMethodAndDeleteRemovesItsRules() {
        Person p = person(stubs, Fixtures.partner(stubs), "Tim Test");
        String token = self(p);
        String address = "tim.test." + p.id() + "@example.gov.uk";
        long id = Paging.verified(
                token,
                p.id(),
                "EMAIL",
                address,
                () -> Fixtures.mailsTo(mail, address).stream()
                        .map(m -> {
                            try {
                                return m.getContent().toString();
                            } catch (Exception e) {
                                return "";
                            }
                        })
                        .filter(t -> t.contains("verification code"))
                        .findFirst()
                        .orElse(null));
        given().auth()
                .oauth2(token)
                .when()
                .post(base(p) + "/methods/" + id + "/test")
                .then()
                .statusCode(202);
        // Generous: a pooled SMTP connection the mail server dropped costs one failed attempt and a retry.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Fixtures.mailsTo(mail, address, "Test from Shared ICT Support")
                                .size()
                        == 1);

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("high", List.of(Map.of("methodId", id, "delayMinutes", 0)), "low", List.of()))
                .when()
                .put(base(p) + "/rules")
                .then()
                .statusCode(200)
                .body("high.methodId", contains((int) id))
                .body("highIsDefault", equalTo(false))
                .body("lowIsDefault", equalTo(true));
        given().auth()
                .oauth2(token)
                .when()
                .delete(base(p) + "/methods/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(token)
                .when()
                .get(base(p) + "/rules")
                .then()
                .statusCode(200)
                .body("high", hasSize(0))
                .body("highIsDefault", equalTo(true));
    }

    @Test
    void ruleNamingAnotherPersonsMethodIsA400NamingIt() {
        Person a = person(stubs, Fixtures.partner(stubs), "Ann Own");
        Person b = person(stubs, a.partner(), "Ben Other");
        long theirs = Paging.add(self(b), b.id(), "EMAIL", "ben." + b.id() + "@example.gov.uk");
        given().auth()
                .oauth2(self(a))
                .contentType(ContentType.JSON)
                .body(Map.of("high", List.of(), "low", List.of(Map.of("methodId", theirs, "delayMinutes", 0))))
                .when()
                .put(base(a) + "/rules")
                .then()
                .spec(invalidField("low[0].methodId"));
        given().auth()
                .oauth2(self(a))
                .contentType(ContentType.JSON)
                .body(Map.of("high", List.of(Map.of("methodId", theirs, "delayMinutes", 61)), "low", List.of()))
                .when()
                .put(base(a) + "/rules")
                .then()
                .statusCode(400);
        assertTrue(theirs > 0);
    }
}
