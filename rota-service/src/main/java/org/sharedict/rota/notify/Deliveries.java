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
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.query.NativeQuery;

import org.sharedict.platform.database.DatabaseFailures;
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

    private final ReactiveMailer mailer;
    private final RotaConfig config;
    private final Clock clock;
    private final Event<DeliveryRecorded> recorded;
    private final DeliveryScheduler scheduler;
    private final SmsGateway sms;
    private final VoiceCalls voice;
    private final SmsReplies replies;

    Deliveries(
            ReactiveMailer mailer,
            RotaConfig config,
            Clock clock,
            Event<DeliveryRecorded> recorded,
            DeliveryScheduler scheduler,
            SmsGateway sms,
            VoiceCalls voice,
            SmsReplies replies) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.recorded = recorded;
        this.scheduler = scheduler;
        this.sms = sms;
        this.voice = voice;
        this.replies = replies;
    }

    /** How often a recording that lost a deadlock is tried before giving up (the claim then lapses). */
    private static final int RECORD_TRIES = 5;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Pending(
            long id,
            Long incidentId,
            Long personId,
            Notification.Purpose purpose,
            Notification.Channel channel,
            String address,
            String subject,
            String body,
            String bodyHtml) {}

    /** What one attempt came to: an error (null when it went) and the provider's ID of the message. */
    record Sent(String error, String providerRef) {
        static Sent ok(String providerRef) {
            return new Sent(null, providerRef);
        }

        static Sent failed(String error) {
            return new Sent(error, null);
        }
    }

    /**
     * Makes attempt {@code attempt} of the notification, unless it is no longer pending, that attempt
     * was made already, or another sender holds it: the fast path, the Quartz job and the sweep may
     * all reach the same attempt, and only the one that claims it sends.
     */
    public void attempt(long id, int attempt) {
        Pending p = QuarkusTransaction.requiringNew().call(() -> {
            if (!claim(id, attempt)) {
                return null;
            }
            Notification n = Notification.findById(id);
            if (n == null || n.status != Notification.Status.PENDING || n.attempts >= attempt) {
                return null;
            }
            return new Pending(
                    n.id, n.incidentId, n.personId, n.purpose, n.channel, n.address, n.subject, n.body, n.bodyHtml);
        });
        if (p == null) {
            return;
        }
        Sent sent = send(p);
        // Recording writes the incident's timeline beside the other pages of the same incident being
        // recorded at that moment; MariaDB may pick this one as a deadlock victim. The message went:
        // record it again rather than let the claim lapse and the sweep send it a second time.
        for (int tries = 1; ; tries++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> record(id, attempt, sent));
                return;
            } catch (RuntimeException e) {
                if (tries >= RECORD_TRIES || !DatabaseFailures.isContention(e)) {
                    throw e;
                }
                Log.debugf("delivery %d attempt %d: recording lost a deadlock, again (%d)", id, attempt, tries);
            }
        }
    }

    /**
     * A native update of the notification table, said to touch that table alone: otherwise Hibernate
     * takes it to touch every table, flushes the whole session and walks every entity and collection
     * type to invalidate them, on every attempt.
     */
    private static jakarta.persistence.Query notificationsOnly(jakarta.persistence.Query q) {
        return q.unwrap(NativeQuery.class).addSynchronizedEntityClass(Notification.class);
    }

    /**
     * Takes the attempt for this sender for the claim's lease, in the database's time (every instance
     * sees the same clock there). A sender that dies mid-send lets the claim lapse, and the sweep
     * sends again: delivery is at least once.
     */
    private boolean claim(long id, int attempt) {
        return notificationsOnly(Notification.getEntityManager()
                                .createNativeQuery(
                                        "update notification set claimed_until = timestampadd(MICROSECOND, ?1,"
                                                + " utc_timestamp(6)) where id = ?2 and status = 'PENDING' and attempts < ?3"
                                                + " and (claimed_until is null or claimed_until < utc_timestamp(6))"))
                        .setParameter(1, config.delivery().claimLease().toNanos() / 1000)
                        .setParameter(2, id)
                        .setParameter(3, attempt)
                        .executeUpdate()
                == 1;
    }

    private Sent send(Pending p) {
        try {
            return switch (p.channel()) {
                case EMAIL -> {
                    Mail mail = Mail.withText(p.address(), p.subject(), p.body());
                    if (p.bodyHtml() != null) {
                        mail.setHtml(p.bodyHtml());
                    }
                    // Bounded: a send on an SMTP connection that stalls (the relay, or the client's pool)
                    // would otherwise hold this sender, and the page, until the relay gives up.
                    mailer.send(mail).await().atMost(config.delivery().mailTimeout());
                    yield Sent.ok(null);
                }
                case SMS -> Sent.ok(sms.send(p.purpose(), p.address(), smsText(p), p.id()));
                case VOICE ->
                    Sent.ok(voice.call(p.address(), p.body(), p.id(), p.purpose() == Notification.Purpose.PAGE));
                case WEBHOOK, TEAMS, SLACK -> post(p);
            };
        } catch (SmsGateway.SmsFailure | VoiceCalls.VoiceFailure e) {
            return Sent.failed(e.getMessage());
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return Sent.failed("the mail relay did not take the message within "
                    + config.delivery().mailTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sent.failed("interrupted");
        } catch (Exception e) {
            String m = e.getMessage();
            for (Throwable t = e.getCause(); (m == null || m.isBlank()) && t != null; t = t.getCause()) {
                m = t.getMessage();
            }
            return Sent.failed(e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        }
    }

    /**
     * A page's SMS with its reply codes: numbered now, in a transaction of its own, not in the one
     * that raised the incident, where two raises paging the same phone at once would clash on the number.
     */
    private String smsText(Pending p) {
        if (p.purpose() != Notification.Purpose.PAGE || p.incidentId() == null || p.personId() == null) {
            return p.body();
        }
        Integer n = replies.assign(p.address(), p.incidentId(), p.personId());
        return n == null ? p.body() : p.body() + PageMessages.replyCodes(n);
    }

    private Sent post(Pending p) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.address()))
                .timeout(config.delivery().webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "sharedict-rota-service")
                .POST(HttpRequest.BodyPublishers.ofString(p.body()))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() / 100 == 2 ? Sent.ok(null) : Sent.failed("the webhook answered HTTP " + r.statusCode());
    }

    private void record(long id, int attempt, Sent sent) {
        String error = sent.error();
        Notification n = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || n.status != Notification.Status.PENDING || n.attempts >= attempt) {
            return;
        }
        // Before the entity changes: the native update flushes a changed entity first, which would
        // write the row twice.
        notificationsOnly(Notification.getEntityManager()
                        .createNativeQuery("update notification set claimed_until = null where id = ?1"))
                .setParameter(1, id)
                .executeUpdate();
        Instant now = Instant.now(clock);
        n.attempts = attempt;
        n.nextAttemptAt = null;
        if (error == null) {
            n.status = Notification.Status.SENT;
            n.sentAt = now;
            n.lastError = null;
            n.providerRef = sent.providerRef();
            tell(n, Outcome.SENT, attempt, "attempt " + attempt + " " + sentWords(n.channel));
        } else if (attempt < config.delivery().maxAttempts()) {
            n.lastError = error;
            Instant retry = now.plus(config.delivery().firstRetry().multipliedBy(1L << (attempt - 1)));
            n.nextAttemptAt = retry;
            scheduler.deliver(n.id, attempt + 1, retry);
            tell(n, Outcome.FAILED, attempt, "attempt " + attempt + " failed (" + error + "); retry at " + retry);
        } else {
            n.lastError = error;
            n.status = Notification.Status.FAILED;
            tell(n, Outcome.GAVE_UP, attempt, "attempt " + attempt + " failed (" + error + "); no more attempts");
            Log.warnf("Notification %d to %s failed %d times: %s", n.id, n.address, attempt, error);
        }
    }

    private static String sentWords(Notification.Channel c) {
        return switch (c) {
            case SMS -> "accepted by GOV.UK Notify";
            case VOICE -> "call placed";
            default -> "delivered";
        };
    }

    /** Tells whoever the notification was for what became of it; also used for cancellations and provider receipts. */
    void tell(Notification n, Outcome outcome, int attempt, String detail) {
        if (n.incidentId == null && outcome != Outcome.SENT) {
            Log.infof("%s notification %d to %s: %s", n.purpose, n.id, n.address, detail);
        }
        recorded.fire(new DeliveryRecorded(n.id, n.incidentId, n.step, n.channel, n.address, outcome, attempt, detail));
    }
}
