package org.sharedict.rota.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.quartz.Scheduler;

import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.webhooks.WebhookAttempted.Outcome;

/**
 * Makes one attempt of a webhook call: signs and sends outside any transaction (a slow subscriber
 * must not hold locks), then records the outcome and plans the retry, waiting {@code first-retry}
 * and twice as long each time after. At least once: an instance dying between sending and recording
 * sends again, with the same event ID.
 */
@ApplicationScoped
public class WebhookSender {

    private final RotaConfig config;
    private final Clock clock;
    private final Scheduler quartz;
    private final Event<WebhookAttempted> attempted;

    WebhookSender(RotaConfig config, Clock clock, Scheduler quartz, Event<WebhookAttempted> attempted) {
        this.config = config;
        this.clock = clock;
        this.quartz = quartz;
        this.attempted = attempted;
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Call(String url, String event, String eventId, String body, String secret) {}

    record Answer(Integer status, String error) {}

    public void attempt(long id, int attempt) {
        Call c = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
            if (s == null || d.status != WebhookDelivery.Status.PENDING || d.attempts >= attempt) {
                return null;
            }
            return new Call(d.url, d.event, d.eventId, d.body, s.secret);
        });
        if (c == null) {
            return;
        }
        Answer a = send(c);
        QuarkusTransaction.requiringNew().run(() -> record(id, attempt, a));
    }

    private Answer send(Call c) {
        long timestamp = Instant.now(clock).getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "sharedict-rota-service")
                    .header(WebhookSignature.EVENT, c.event())
                    .header(WebhookSignature.DELIVERY, c.eventId())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(c.secret(), timestamp, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                    .build();
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Answer(r.statusCode(), r.statusCode() / 100 == 2 ? null : "answered HTTP " + r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        } catch (Exception e) {
            String m = e.getMessage();
            for (Throwable t = e.getCause(); (m == null || m.isBlank()) && t != null; t = t.getCause()) {
                m = t.getMessage();
            }
            return new Answer(null, e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        }
    }

    private void record(long id, int attempt, Answer a) {
        WebhookDelivery d = WebhookDelivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != WebhookDelivery.Status.PENDING || d.attempts >= attempt) {
            return;
        }
        Instant now = Instant.now(clock);
        d.attempts = attempt;
        d.lastAttemptAt = now;
        d.lastStatus = a.status();
        d.lastError = a.error();
        Outcome outcome;
        String detail;
        if (a.error() == null) {
            d.status = WebhookDelivery.Status.SENT;
            outcome = Outcome.SENT;
            detail = "attempt " + attempt + " delivered (HTTP " + a.status() + ")";
        } else if (attempt < config.webhooks().maxAttempts()) {
            Instant retry = now.plus(config.webhooks().firstRetry().multipliedBy(1L << (attempt - 1)));
            WebhookJob.schedule(quartz, d.id, attempt + 1, retry);
            outcome = Outcome.FAILED;
            detail = "attempt " + attempt + " failed (" + a.error() + "); retry at " + retry;
        } else {
            d.status = WebhookDelivery.Status.FAILED;
            outcome = Outcome.GAVE_UP;
            detail = "attempt " + attempt + " failed (" + a.error() + "); no more attempts";
            Log.warnf("Webhook delivery %d to %s failed %d times: %s", d.id, d.url, attempt, a.error());
        }
        if (d.incidentId != null) {
            attempted.fire(
                    new WebhookAttempted(d.id, d.incidentId, d.event, d.url, attempt, a.status(), outcome, detail));
        }
    }
}
