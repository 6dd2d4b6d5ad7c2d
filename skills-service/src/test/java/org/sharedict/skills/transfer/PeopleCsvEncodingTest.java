package org.sharedict.skills.transfer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** How the CSV import reads a file's bytes (README, "Encodings"): never guessing silently, never storing U+FFFD. */
@QuarkusTest
class PeopleCsvEncodingTest {

    @Test
    void excelsWindows1252FileIsReadAsWindows1252() {
        String partner = Fixtures.partner();
        String email = unique("zoe").toLowerCase() + "@csv.example.gov.uk";
        byte[] cp1252 = ("partner,name,email,site\r\n" + partner + ",Zoë Brontë," + email + ",Café – Hall €\r\n")
                .getBytes(Charset.forName("windows-1252"));
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv")
                .body(cp1252)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("encoding", equalTo("windows-1252"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people?email=" + email)
                .then()
                .body("items[0].name", equalTo("Zoë Brontë"))
                .body("items[0].site", equalTo("Café – Hall €"));
    }

    @Test
    void utf16AndUtf8WithByteOrderMarksAreRead() {
        String partner = Fixtures.partner();
        String a = unique("lukasz").toLowerCase() + "@csv.example.gov.uk";
        String b = unique("sian").toLowerCase() + "@csv.example.gov.uk";
        byte[] utf16 = ("\uFEFFpartner,name,email\r\n" + partner + ",Łukasz Żółć 😀," + a + "\r\n")
                .getBytes(StandardCharsets.UTF_16LE);
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv")
                .body(utf16)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("encoding", equalTo("UTF-16LE"));
        byte[] utf8 = ("\uFEFFpartner,name,email\r\n" + partner + ",Siân Ó Súilleabháin," + b + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv")
                .body(utf8)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("encoding", equalTo("UTF-8"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people?partner=" + partner + "&sort=name")
                .then()
                .body("items.name", containsInAnyOrder("Siân Ó Súilleabháin", "Łukasz Żółć 😀"));
    }

    @Test
    void aFileThatIsNotTextInItsEncodingIsRefusedNamingTheEncodingAndNothingIsStored() {
        String partner = Fixtures.partner();
        byte[] cp1252 = ("partner,name,email\r\n" + partner + ",Zoë,"
                        + unique("z").toLowerCase() + "@csv.example.gov.uk\r\n")
                .getBytes(Charset.forName("windows-1252"));
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv; charset=UTF-8")
                .body(cp1252)
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(415))
                .body("type", endsWith(":unsupported-encoding"))
                .body("encoding", equalTo("UTF-8"))
                .body("detail", startsWith("the file is not valid UTF-8: byte 0xEB"))
                .body("errors.field", contains("body"));
        byte[] neither = ("partner,name,email\r\n" + partner + ",Zo\u0081,"
                        + unique("z").toLowerCase() + "@csv.example.gov.uk\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv")
                .body(neither)
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(415))
                .body("detail", containsString("neither UTF-8 (byte 0x81 at offset"));
        byte[] damaged = ("partner,name,email\r\n" + partner + ",Zo\uFFFD,"
                        + unique("z").toLowerCase() + "@csv.example.gov.uk\r\n")
                .getBytes(StandardCharsets.UTF_8);
        given().auth()
                .oauth2(Tokens.admin())
                .config(RAW)
                .contentType("text/csv")
                .body(damaged)
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("body"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people?partner=" + partner)
                .then()
                .body("totalItems", equalTo(0));
    }

    /** Bytes exactly as given: REST Assured otherwise adds {@code charset=ISO-8859-1} to a text/csv without one. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
}
