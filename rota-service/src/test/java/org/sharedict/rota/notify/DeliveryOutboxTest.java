package org.sharedict.rota.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.InjectStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox sends each attempt once, whoever reaches it: the fast path after commit, a Quartz
 * retry, or the sweep that catches what nobody sent.
 */
@QuarkusTest
class DeliveryOutboxTest {

    @InjectStubs
    WireMockServer stubs;

    @Inject
    Deliveries deliveries;

    @Inject
    DeliverySweep sweep;

    @Inject
    Clock clock;

    @Test
    void aMessageNobodySentIsSentByTheSweep() {
        String path = hook();
        // Written straight to the table: no transaction hook hands it to a sender, as when an
        // instance dies between commit and send.
        long id = orphan(path, Instant.now(clock).minus(Duration.ofMinutes(1)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(id) == Notification.Status.SENT);
        stubs.verify(1, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void anAttemptIsSentOnceHoweverManySendersReachItAtOnce() throws Exception {
        String path = hook();
        long id = orphan(path, Instant.now(clock).plus(Duration.ofHours(1)));

        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            deliveries.attempt(id, 1);
                        },
                        senders));
            }
            go.countDown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            senders.shutdown();
        }

        stubs.verify(1, postRequestedFor(urlPathEqualTo(path)));
        assertEquals(Notification.Status.SENT, status(id));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id).attempts));
    }

    @Test
    void anAttemptHeldByAnotherSenderWaitsUntilItsClaimLapses() {
        String path = hook();
        long id = orphan(path, Instant.now(clock).plus(Duration.ofHours(1)));
        // Another sender holds it, and then it comes due (one transaction, so the sweep cannot slip in between).
        QuarkusTransaction.requiringNew().run(() -> {
            claimUntil(id, "utc_timestamp(6) + interval 1 hour");
            Notification.<Notification>findById(id).nextAttemptAt =
                    Instant.now(clock).minus(Duration.ofMinutes(1));
        });

        deliveries.attempt(id, 1);
        sweep.sweep();
        stubs.verify(0, postRequestedFor(urlPathEqualTo(path)));
        assertEquals(Notification.Status.PENDING, status(id));

        // The holder died: its claim lapses, and the sweep sends the message once.
        QuarkusTransaction.requiringNew().run(() -> claimUntil(id, "utc_timestamp(6) - interval 1 second"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(id) == Notification.Status.SENT);
        stubs.verify(1, postRequestedFor(urlPathEqualTo(path)));
    }

    private String hook() {
        String path = "/outbox-" + UUID.randomUUID();
        stubs.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        return path;
    }

    private long orphan(String path, Instant due) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = new Notification();
            n.purpose = Notification.Purpose.CONTACT_TEST;
            n.channel = Notification.Channel.WEBHOOK;
            n.address = stubs.baseUrl() + path;
            n.subject = "outbox test";
            n.body = "{}";
            n.status = Notification.Status.PENDING;
            n.attempts = 0;
            n.createdAt = due;
            n.dueAt = due;
            n.nextAttemptAt = due;
            n.persist();
            return n.id;
        });
    }

    private static void claimUntil(long id, String until) {
        Notification.getEntityManager()
                .createNativeQuery("update notification set claimed_until = " + until + " where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    private static Notification.Status status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id).status);
    }
}
