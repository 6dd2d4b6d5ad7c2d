package org.sharedict.rota.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import io.restassured.http.ContentType;

import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/** People in the skills-service stub, and rotas and policies made through the API as a manager would. */
public final class Fixtures {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Random RANDOM = new Random();
    private static final AtomicLong IDS = new AtomicLong(100_000 + RANDOM.nextInt(800_000) * 10L);

    private Fixtures() {}

    /** A partner code no other test uses (so on-call answers are not shared between tests), known to the skills-service stub. */
    public static String partner(WireMockServer skills) {
        StringBuilder b = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            b.append((char) ('A' + RANDOM.nextInt(26)));
        }
        StubServices.partner(skills, b.toString());
        return b.toString();
    }

    /** A well-formed partner code that skills-service does not know. */
    public static String unknownPartner() {
        return "NX" + Long.toString(IDS.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
    }

    public record Person(long id, String partner, String name, String email) {}

    /** Registers a person in the skills-service stub and returns them. */
    public static Person person(WireMockServer skills, String partner, String name) {
        return person(skills, partner, name, false);
    }

    public static Person person(WireMockServer skills, String partner, String name, boolean manager) {
        long id = IDS.incrementAndGet();
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + id + "@"
                + partner.toLowerCase(Locale.ROOT) + ".example.gov.uk";
        skills.stubFor(get(urlPathEqualTo("/api/people/" + id))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"id": %d, "partner": "%s", "partnerName": "%s council", "name": "%s", "jobTitle": "Engineer",
                         "email": "%s", "workPhone": "01632 960123", "mobile": "07700 9%05d", "manager": %s,
                         "helpOtherPartners": true, "helpHoursPerMonth": 8, "outOfHours": true, "version": 1}
                        """.formatted(id, partner, partner, name, email, id % 100000, manager))));
        return new Person(id, partner, name, email);
    }

    public static void managersOf(WireMockServer skills, String partner, Person... managers) {
        StringBuilder items = new StringBuilder();
        for (Person m : managers) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("""
                    {"id": %d, "partner": "%s", "name": "%s", "email": "%s", "mobile": "07700 900001", "manager": true}
                    """.formatted(m.id(), m.partner(), m.name(), m.email()));
        }
        skills.stubFor(get(urlPathEqualTo("/api/people"))
                .withQueryParam("partner", WireMock.equalTo(partner))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\": [" + items + "], \"page\": 0, \"size\": 100, \"totalItems\": "
                                + managers.length + ", \"totalPages\": 1}")));
    }

    public static Map<String, Object> rota(
            String name,
            List<String> partners,
            String coverage,
            String length,
            String handoffTime,
            LocalDate start,
            List<Long> primary,
            List<Long> secondary) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("partners", partners);
        r.put("coverage", coverage);
        r.put("rotationLength", length);
        r.put("handoffTime", handoffTime);
        r.put("startDate", start.toString());
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(Map.of("layer", "PRIMARY", "members", primary));
        if (secondary != null && !secondary.isEmpty()) {
            layers.add(Map.of("layer", "SECONDARY", "members", secondary));
        }
        r.put("layers", layers);
        return r;
    }

    public static long createRota(String token, Map<String, Object> body) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/rotas")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    public static String unique(String prefix) {
        return prefix + " " + Long.toString(IDS.incrementAndGet(), 36);
    }

    public static Instant local(LocalDateTime t) {
        return t.atZone(LONDON).toInstant();
    }

    public static List<MimeMessage> mailsTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    public static List<MimeMessage> mailsTo(GreenMail mail, String address, String subjectPart) {
        return mailsTo(mail, address).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains(subjectPart);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String admin() {
        return Tokens.admin();
    }
}
