package org.sharedict.gateway.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.TestClock;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed sign-ins slow further attempts down instead of locking the account. Each test signs in
 * from its own loopback addresses (127.0.0.x: real client addresses, as the gateway sees them) with
 * the application's clock stopped, moving it on by exactly the delays the answers name.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Inject
    TestClock clock;

    @BeforeEach
    void stopTime() {
        clock.stop();
    }

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    @Test
    void anAttackerElsewhereDoesNotKeepTheOwnerOut() {
        String user = Accounts.unique("owner");
        Accounts.create(user, "BBC", List.of("viewer"));
        String attacker = address();
        for (int i = 0; i < 6; i++) {
            login(attacker, user, "guess-number-" + i).then().spec(Problems.problem(401));
        }
        // Delayed at the attacker's address, even with the right password: a refusal says nothing about it.
        login(attacker, user, Accounts.PASSWORD)
                .then()
                .spec(Problems.problem(429))
                .body("type", equalTo("urn:sharedict:problem:sign-in-throttled"))
                .header("Retry-After", "1")
                .body("detail", containsString("for this username from your address"));
        for (int i = 0; i < 20; i++) {
            login(attacker, user, "more-guesses-" + i).then().statusCode(429);
        }
        // The owner, elsewhere, is not held back at all.
        login(address(), user, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void delaysDoubleWithEachFailureUpToFifteenMinutesAndKnownAndUnknownUsernamesMeetTheSame() {
        String user = Accounts.unique("target");
        Accounts.create(user, "BBC", List.of("viewer"));
        List<String> known = guessesWaitingAsTold(address(), user);
        List<String> unknown = guessesWaitingAsTold(address(), Accounts.unique("nobody"));
        assertEquals(known, unknown);
        assertTrue(
                known.contains("429 Retry-After 1")
                        && known.contains("429 Retry-After 8")
                        && known.contains("429 Retry-After 900"),
                known.toString());
    }

    /** Five free failures, then a failure after each delay the last answer named; the answers in order. */
    private List<String> guessesWaitingAsTold(String from, String username) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(answer(login(from, username, "guess-" + i)));
        }
        int expected = 1;
        for (int round = 0; round < 13; round++) {
            answers.add(answer(login(from, username, "guess-again-" + round)));
            Response refused = login(from, username, "too-soon-" + round);
            answers.add(answer(refused));
            assertEquals(429, refused.statusCode(), answers.toString());
            int wait = Integer.parseInt(refused.header("Retry-After"));
            assertEquals(Math.min(expected, 900), wait, answers.toString());
            expected *= 2;
            clock.advance(Duration.ofSeconds(wait).minusMillis(1));
            login(from, username, "a-moment-too-soon").then().statusCode(429);
            clock.advance(Duration.ofMillis(1));
        }
        return answers;
    }

    @Test
    void aSuccessForgetsThatAddresssFailuresAndMakesItTheOwners() {
        String user = Accounts.unique("typist");
        Accounts.create(user, "BBC", List.of("viewer"));
        String home = address();
        for (int i = 0; i < 6; i++) {
            login(home, user, "typo-" + i).then().statusCode(401);
        }
        clock.advance(Duration.ofSeconds(1));
        login(home, user, Accounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            login(home, user, "typo-again-" + i).then().statusCode(401);
        }
    }

    @Test
    void guessesSpreadOverManyAddressesDelayTheAccountOnlyWhereItsOwnerHasNotSignedIn() {
        String user = Accounts.unique("popular");
        Accounts.create(user, "BBC", List.of("viewer"));
        String office = address();
        login(office, user, Accounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 11; i++) {
            login(address(), user, "distributed-guess-" + i).then().statusCode(401);
        }
        login(address(), user, Accounts.PASSWORD)
                .then()
                .spec(Problems.problem(429))
                .body("detail", containsString("from addresses it has not signed in from"));
        login(office, user, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void oneAddressGuessingManyUsernamesIsDelayedExceptForAccountsThatSignedInThere() {
        String regular = Accounts.unique("regular");
        Accounts.create(regular, "BBC", List.of("viewer"));
        String newcomer = Accounts.unique("newcomer");
        Accounts.create(newcomer, "BBC", List.of("viewer"));
        String office = address();
        login(office, regular, Accounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 21; i++) {
            login(office, Accounts.unique("sprayed"), "Winter2026!").then().statusCode(401);
        }
        login(office, Accounts.unique("sprayed"), "Winter2026!")
                .then()
                .spec(Problems.problem(429))
                .body("detail", startsWith("Too many failed sign-ins from your address;"));
        login(office, newcomer, Accounts.PASSWORD).then().statusCode(429);
        login(office, regular, Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void parallelGuessesAreCountedBeforeAnyIsChecked() throws Exception {
        String user = Accounts.unique("rushed");
        Accounts.create(user, "BBC", List.of("viewer"));
        String from = address();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(clients.submit(
                        () -> login(from, user, "parallel-guess-" + n).statusCode()));
            }
            Map<Integer, Integer> seen = new TreeMap<>();
            for (Future<Integer> f : answers) {
                seen.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            // Five free failures and the one that starts the delays are checked; every other waits its turn.
            assertEquals(Map.of(401, 6, 429, 24), seen);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void knownAndUnknownUsernamesGetTheSameAnswer() {
        String user = Accounts.unique("real");
        Accounts.create(user, "BBC", List.of("viewer"));
        String disabled = Accounts.unique("gone");
        long id = Accounts.create(disabled, "BBC", List.of("viewer"));
        int version = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/users/" + id)
                .then()
                .extract()
                .path("version");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        "Gone",
                        "partner",
                        "BBC",
                        "roles",
                        List.of("viewer"),
                        "enabled",
                        false,
                        "version",
                        version))
                .when()
                .put("/api/users/" + id)
                .then()
                .statusCode(200);

        String wrongPassword = whole(login(address(), user, "not-the-password"));
        String unknownUser = whole(login(address(), Accounts.unique("nobody"), "not-the-password"));
        String disabledUser = whole(login(address(), disabled, Accounts.PASSWORD));
        assertEquals(wrongPassword, unknownUser);
        assertEquals(wrongPassword, disabledUser);
        assertTrue(wrongPassword.startsWith("401"), wrongPassword);
    }

    @Test
    void everyAttemptThatIsCheckedRunsBcryptOnceWhetherOrNotTheUserExists() {
        String user = Accounts.unique("costly");
        Accounts.create(user, "BBC", List.of("viewer"));
        String from = address();
        double before = passwordChecks();
        login(from, user, "wrong-password-1").then().statusCode(401);
        assertEquals(before + 1, passwordChecks());
        login(from, Accounts.unique("nobody"), "wrong-password-2").then().statusCode(401);
        assertEquals(before + 2, passwordChecks());

        // A refused attempt checks nothing, for either.
        String busy = address();
        String nobody = Accounts.unique("nobody");
        for (int i = 0; i < 6; i++) {
            login(busy, user, "guess-" + i).then().statusCode(401);
            login(busy, nobody, "guess-" + i).then().statusCode(401);
        }
        double checked = passwordChecks();
        login(busy, user, "guess-refused").then().statusCode(429);
        login(busy, nobody, "guess-refused").then().statusCode(429);
        assertEquals(checked, passwordChecks());
    }

    @Test
    void anAdminOrManagerSeesTheDelaysAndClearsThem() {
        String user = Accounts.unique("helped");
        long id = Accounts.create(user, "BBC", List.of("viewer"));
        String from = address();
        for (int i = 0; i < 6; i++) {
            login(from, user, "guess-number-" + i).then().statusCode(401);
        }
        login(from, user, Accounts.PASSWORD).then().statusCode(429);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("failedSignIns", equalTo(6))
                .body("signInsDelayedUntil", notNullValue());
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", user)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items[0].failedSignIns", equalTo(6))
                .body("items[0].signInsDelayedUntil", notNullValue());
        SignInTest.audit("SIGN_IN_THROTTLED", user).body("items[0].changes", containsString("\"scope\":\"pair\""));

        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .when()
                .post("/api/users/" + id + "/unlock")
                .then()
                .statusCode(200)
                .body("failedSignIns", equalTo(0))
                .body("signInsDelayedUntil", nullValue());
        SignInTest.audit("UNLOCK", "manager-bbc").body("items.entityId", hasItem(Long.toString(id)));
        login(from, user, Accounts.PASSWORD).then().statusCode(200);
    }

    /** A new client address on this machine's loopback network. */
    static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "127.0." + (n / 250) + "." + (n % 250 + 2);
    }

    static Response login(String from, String username, String password) {
        InetAddress local;
        try {
            local = InetAddress.getByName(from);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(from, e);
        }
        return given().config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.route.local-address", local)))
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/auth/login");
    }

    private static String answer(Response r) {
        return r.statusCode() + (r.header("Retry-After") == null ? "" : " Retry-After " + r.header("Retry-After"));
    }

    /** Status, headers and body, but for the request's own ID. */
    private static String whole(Response r) {
        StringBuilder b = new StringBuilder().append(r.statusCode()).append('\n');
        for (Header h : r.headers()) {
            if (!h.getName().equalsIgnoreCase("X-Request-Id") && !h.getName().equalsIgnoreCase("Date")) {
                b.append(h.getName().toLowerCase())
                        .append(": ")
                        .append(h.getValue())
                        .append('\n');
            }
        }
        Map<String, Object> body = new TreeMap<>(r.jsonPath().getMap("$"));
        body.remove("requestId");
        return b.append(body).toString();
    }

    private static double passwordChecks() {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("sharedict_password_checks_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sharedict_password_checks_total in /q/metrics");
    }
}
