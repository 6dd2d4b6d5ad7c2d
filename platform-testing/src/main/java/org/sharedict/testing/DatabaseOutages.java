package org.sharedict.testing;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

import io.restassured.response.Response;
import org.awaitility.Awaitility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must do when its database fails (docs/OPERATIONS.md, "When the database
 * fails"), as one scenario a service's test runs against a {@link TcpFaultProxy} in front of its
 * database: readiness DOWN within 5 s, data requests answered 503 with Retry-After within a bound
 * (never left hanging), and both back by themselves once the database is.
 */
public final class DatabaseOutages {

    /** The requirement: an orchestrator hears of a lost database this fast. */
    public static final Duration READINESS_DOWN_WITHIN = Duration.ofSeconds(5);
    /**
     * A request never waits longer than the 8 s socket timeout (platform-common's config) plus a
     * margin for a busy machine; a hang (the 30 s and more this replaced) fails it.
     */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(12);
    /** Recovery is seconds; the bound is generous so a loaded build machine does not fail it. */
    public static final Duration RECOVERY_WITHIN = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class.getName());

    private DatabaseOutages() {}

    /** The database is killed, then comes back: {@code dataRequest} must go 200 → 503 → 200. */
    public static void killedThenBack(TcpFaultProxy database, Supplier<Response> dataRequest) {
        outageThenBack(database, database::kill, dataRequest);
    }

    /** The database stops answering with its connections open, then resumes. */
    public static void frozenThenBack(TcpFaultProxy database, Supplier<Response> dataRequest) {
        outageThenBack(database, database::freeze, dataRequest);
    }

    private static void outageThenBack(TcpFaultProxy database, Runnable outage, Supplier<Response> dataRequest) {
        dataRequest.get().then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        long start = System.nanoTime();
        outage.run();
        try {
            // The very first readiness answer after the outage says DOWN, and comes within the bound.
            Response readiness = given().when().get("/q/health/ready");
            long down = System.nanoTime();
            readiness.then().statusCode(503).body("status", equalTo("DOWN"));
            assertTrue(
                    Duration.ofNanos(down - start).compareTo(READINESS_DOWN_WITHIN) < 0,
                    "readiness said DOWN after " + (down - start) / 1_000_000 + " ms, more than "
                            + READINESS_DOWN_WITHIN);
            long slowest = 0;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                Response answer = timed(dataRequest);
                slowest = Math.max(slowest, System.nanoTime() - t);
                answer.then().spec(Problems.databaseUnavailable());
            }
            LOG.info(() -> String.format(
                    "%s database: readiness DOWN after %d ms", database.state(), (down - start) / 1_000_000));
            long worst = slowest;
            LOG.info(() -> String.format("%s database: slowest 503 answer %d ms", database.state(), worst / 1_000_000));
        } finally {
            database.pass();
        }

        long back = System.nanoTime();
        Awaitility.await("readiness UP again")
                .atMost(RECOVERY_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        long ready = System.nanoTime();
        Awaitility.await("data answered again")
                .atMost(RECOVERY_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> dataRequest.get().statusCode() == 200);
        LOG.info(() -> String.format(
                "database back: readiness UP after %d ms, data 200 after %d ms",
                (ready - back) / 1_000_000, (System.nanoTime() - back) / 1_000_000));
    }

    /** The answer, which must come within {@link #ANSWER_WITHIN}. */
    public static Response timed(Supplier<Response> request) {
        long start = System.nanoTime();
        Response r = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(
                took.compareTo(ANSWER_WITHIN) < 0,
                "answered in " + took.toMillis() + " ms, more than " + ANSWER_WITHIN);
        return r;
    }
}
