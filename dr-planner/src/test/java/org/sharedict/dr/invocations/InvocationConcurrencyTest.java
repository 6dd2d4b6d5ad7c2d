package org.sharedict.dr.invocations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.activity;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.step;

/** Many people on one live checklist at once, over real HTTP against MariaDB. */
@QuarkusTest
class InvocationConcurrencyTest {

    private static final int PEOPLE = 20;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PEOPLE);

    @TestHTTPResource("/")
    URI base;

    record Answer(int status, String contentType, String body) {}

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Sends {@code PEOPLE} requests released together by one latch; answers in request order. */
    private List<Answer> atOnce(IntFunction<HttpRequest> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(PEOPLE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            HttpRequest r = request.apply(i);
            answers.add(POOL.submit(() -> {
                ready.countDown();
                go.await();
                HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        res.statusCode(),
                        res.headers().firstValue("Content-Type").orElse(""),
                        res.body());
            }));
        }
        ready.await();
        go.countDown();
        List<Answer> out = new ArrayList<>();
        for (Future<Answer> f : answers) {
            out.add(f.get());
        }
        out.forEach(a -> assertTrue(a.status() < 500, "no 5xx: " + a));
        return out;
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    /** A plan with one activity per person, each with one step, so everyone has a step of their own. */
    private static long approvedPlanWithAStepEach(String partner) {
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            activities.add(activity(
                    "system-" + i,
                    "System " + i,
                    "SYSTEM",
                    2,
                    240,
                    List.of(),
                    List.of(step("start", "Start system " + i, 15, null, null))));
        }
        long id = plan(partner, publishedTemplate(activities));
        approve(partner, id);
        return id;
    }

    private static JsonPath invoke(String partner, long planId) {
        return given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", "Ransomware on the file servers"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void twentyPeopleTickingStepsAndWritingNotesAtOnceAreAllRecorded() throws Exception {
        long planId = approvedPlanWithAStepEach("BBC");
        JsonPath inv = invoke("BBC", planId);
        long id = inv.getLong("id");
        String[] people = IntStream.range(0, PEOPLE)
                .mapToObj(i -> Tokens.as("engineer-" + i)
                        .partner("BBC")
                        .roles("engineer")
                        .token())
                .toArray(String[]::new);

        IntFunction<String> stepOf = i -> "activities.find { it.key == 'system-" + i + "' }.steps[0]";
        List<Answer> ticks = atOnce(i -> request(
                        "api/dr/invocations/" + id + "/steps/" + inv.getLong(stepOf.apply(i) + ".id"), people[i])
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"state\":\"DONE\",\"version\":" + inv.getInt(stepOf.apply(i) + ".version") + "}"))
                .build());
        ticks.forEach(a -> assertEquals(200, a.status(), a.toString()));

        List<Answer> notes = atOnce(i -> request("api/dr/invocations/" + id + "/notes", people[i])
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Note " + i + "\"}"))
                .build());
        notes.forEach(a -> assertEquals(200, a.status(), a.toString()));

        JsonPath after = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/invocations/" + id)
                .then()
                .statusCode(200)
                .body("progress.done", equalTo(PEOPLE))
                .body("progress.activitiesRecovered", equalTo(PEOPLE))
                .extract()
                .jsonPath();
        List<String> kinds = after.getList("timeline.kind");
        assertEquals(PEOPLE, kinds.stream().filter("STEP_DONE"::equals).count(), kinds.toString());
        assertEquals(PEOPLE, kinds.stream().filter("ACTIVITY_RECOVERED"::equals).count(), kinds.toString());
        assertEquals(PEOPLE, kinds.stream().filter("NOTE"::equals).count(), kinds.toString());
        for (int i = 0; i < PEOPLE; i++) {
            assertEquals("engineer-" + i, after.getString(stepOf.apply(i) + ".updatedBy"));
        }
    }

    @Test
    void twentyPeopleTickingTheSameStepAtOnceGetOneSuccessAndNineteenConflicts() throws Exception {
        long planId = plan("LCC", publishedTemplate(councilActivities()));
        approve("LCC", planId);
        JsonPath inv = invoke("LCC", planId);
        long id = inv.getLong("id");
        long stepId = inv.getLong("activities[0].steps[0].id");
        int version = inv.getInt("activities[0].steps[0].version");
        List<Answer> ticks = atOnce(i -> request("api/dr/invocations/" + id + "/steps/" + stepId, Tokens.drLead("LCC"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"IN_PROGRESS\",\"version\":" + version + "}"))
                .build());
        assertEquals(1, ticks.stream().filter(a -> a.status() == 200).count(), ticks.toString());
        assertEquals(
                PEOPLE - 1,
                ticks.stream()
                        .filter(a -> a.status() == 409 && a.contentType().startsWith("application/problem+json"))
                        .count(),
                ticks.toString());
        JsonPath after = given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/invocations/" + id)
                .then()
                .extract()
                .jsonPath();
        assertEquals(
                1,
                after.getList("timeline.kind").stream()
                        .filter("STEP_IN_PROGRESS"::equals)
                        .count());
    }

    @Test
    void twentySimultaneousInvocationsOfOnePlanOpenExactlyOne() throws Exception {
        long planId = plan("COL", publishedTemplate(councilActivities()));
        approve("COL", planId);
        List<Answer> answers = atOnce(i -> request("api/dr/invocations", Tokens.drLead("COL"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"planId\":" + planId + ",\"reason\":\"Power cut, report " + i + "\"}"))
                .build());
        List<Answer> opened = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, opened.size(), answers.toString());
        long open = JsonPath.from(opened.get(0).body()).getLong("id");
        List<Answer> refused = answers.stream().filter(a -> a.status() == 409).toList();
        assertEquals(PEOPLE - 1, refused.size(), answers.toString());
        for (Answer a : refused) {
            assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
            JsonPath problem = JsonPath.from(a.body());
            assertEquals(open, problem.getLong("openInvocationId"), a.toString());
            assertTrue(problem.getString("detail").contains("already"), a.toString());
        }
        given().auth()
                .oauth2(Tokens.viewer("COL"))
                .when()
                .get("/api/dr/invocations?planId=" + planId + "&size=100")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].status", equalTo("OPEN"));
    }
}
