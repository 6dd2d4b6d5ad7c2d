package org.sharedict.rota.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.rota.notify.DeliveryRecorded.Outcome;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Delivers one attempt of a notification: sends outside any transaction (a slow relay must not
 * hold database locks), then records the outcome, the retry or the final failure, and tells
 * whoever it was for ({@link DeliveryRecorded}: incidents put it on the timeline). Retries wait {@code first-retry}, then twice as long each time.
 * Delivery is at least once: an instance dying between sending and recording sends again.
 */
@ApplicationScoped
public class Deliveries {

    @Inject
    Mailer mailer;

    @Inject
    RotaConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<DeliveryRecorded> recorded;

    @Inject
    DeliveryScheduler scheduler;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Pending(long id, Notification.Channel channel, String address, String subject, String body) {}

    public void attempt(long id, int attempt) {
        Pending p = QuarkusTransaction.requiringNew().call(() -> {
            Notification n = Notification.findById(id);
            if (n == null || n.status != Notification.Status.PENDING || n.attempts >= attempt) {
                return null;
            }
            return new Pending(n.id, n.channel, n.address, n.subject, n.body);
        });
        if (p == null) {
            return;
        }
        String error = send(p);
        QuarkusTransaction.requiringNew().run(() -> record(id, attempt, error));
    }

    private String send(Pending p) {
        try {
            if (p.channel() == Notification.Channel.EMAIL) {
                mailer.send(Mail.withText(p.address(), p.subject(), p.body()));
                return null;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(p.address()))
                    .timeout(config.delivery().webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "sharedict-rota-service")
                    .POST(HttpRequest.BodyPublishers.ofString(p.body()))
                    .build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2 ? null : "the webhook answered HTTP " + r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String m = e.getMessage();
            for (Throwable t = e.getCause(); (m == null || m.isBlank()) && t != null; t = t.getCause()) {
                m = t.getMessage();
            }
            return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
    }

    private void record(long id, int attempt, String error) {
        Notification n = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || n.status != Notification.Status.PENDING || n.attempts >= attempt) {
            return;
        }
        Instant now = Instant.now(clock);
        n.attempts = attempt;
        if (error == null) {
            n.status = Notification.Status.SENT;
            n.sentAt = now;
            n.lastError = null;
            tell(n, Outcome.SENT, attempt, "attempt " + attempt + " delivered");
        } else if (attempt < config.delivery().maxAttempts()) {
            n.lastError = error;
            Instant retry = now.plus(config.delivery().firstRetry().multipliedBy(1L << (attempt - 1)));
            scheduler.deliver(n.id, attempt + 1, retry);
            tell(n, Outcome.FAILED, attempt, "attempt " + attempt + " failed (" + error + "); retry at " + retry);
        } else {
            n.lastError = error;
            n.status = Notification.Status.FAILED;
            tell(n, Outcome.GAVE_UP, attempt, "attempt " + attempt + " failed (" + error + "); no more attempts");
            Log.warnf("Notification %d to %s failed %d times: %s", n.id, n.address, attempt, error);
        }
    }

    private void tell(Notification n, Outcome outcome, int attempt, String detail) {
        if (n.incidentId == null && outcome != Outcome.SENT) {
            Log.infof("%s notification %d to %s: %s", n.purpose, n.id, n.address, detail);
        }
        recorded.fire(new DeliveryRecorded(n.id, n.incidentId, n.step, n.channel, n.address, outcome, attempt, detail));
    }
}
