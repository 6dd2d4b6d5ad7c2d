package org.sharedict.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.Dropper;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service closes a kept-alive connection (its idle timeout, a restart, a proxy in between) just
 * as the gateway takes that connection from its pool for the next request: the service never sees
 * the request, and without care the client gets a 503 "cannot be reached" from a healthy service.
 * The stand-ins make that race certain ({@link Dropper}).
 */
@QuarkusTest
class UpstreamConnectionsTest {

    @InjectBackends
    Backends.Servers backends;

    @Test
    void idempotentRequestsOnAConnectionTheServiceDroppedAreSentAgainOnANewOne() {
        String token = Tokens.viewer("BBC");
        int gets = backends.dropper.answered("GET");
        for (int i = 0; i < 40; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/dropper/items/" + i)
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 10; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .head("/api/dropper/items/" + i)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(token)
                    .when()
                    .delete("/api/dropper/items/" + i)
                    .then()
                    .statusCode(200);
        }
        assertEquals(gets + 40, backends.dropper.answered("GET"), "each GET reached the service exactly once");
        assertTrue(
                backends.dropper.dropped.get() >= 40,
                "the service dropped reused connections: " + backends.dropper.dropped.get());
    }

    @Test
    void manyParallelRequestsSeeNo503WhileTheServiceDropsReusedConnections() throws Exception {
        String token = Tokens.viewer("BBC");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                statuses.add(clients.submit(() -> given().auth()
                        .oauth2(token)
                        .when()
                        .get("/api/dropper/parallel/" + n)
                        .statusCode()));
            }
            Map<Integer, Integer> seen = new TreeMap<>();
            for (Future<Integer> f : statuses) {
                seen.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(200, 200), seen);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aPostIsNeverSentTwiceSoALostOneAnswers503() {
        String token = Tokens.viewer("BBC");
        // GETs until one was answered at the first try: it used up the stale connections in the pool, and
        // left its own, answered and kept alive, for the POST to take, and for the service to drop.
        int dropped;
        int tries = 0;
        do {
            dropped = backends.dropper.dropped.get();
            given().auth().oauth2(token).when().get("/api/dropper/warm").then().statusCode(200);
            assertTrue(++tries < 100);
        } while (backends.dropper.dropped.get() != dropped);
        int posts = backends.dropper.answered("POST");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/dropper/items")
                .then()
                .statusCode(503);
        assertEquals(posts, backends.dropper.answered("POST"));
    }

    @Test
    void idleConnectionsAreLetGoBeforeTheServiceWouldCloseThem() {
        String token = Tokens.viewer("BBC");
        int posts = backends.idler.answered("POST");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/idler/items")
                .then()
                .statusCode(200);
        int closed = backends.idler.closedByClient.get();
        // The route's pool keeps an idle connection 1 s; the idler drops one idle for 1.5 s. The gateway
        // lets go first, so the next POST (which could not be sent again) goes on a fresh connection.
        await().atMost(Duration.ofSeconds(30)).until(() -> backends.idler.closedByClient.get() > closed);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/idler/items")
                .then()
                .statusCode(200);
        assertEquals(posts + 2, backends.idler.answered("POST"));
        assertEquals(0, backends.idler.dropped.get());
    }
}
