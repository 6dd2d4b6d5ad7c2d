package org.sharedict.skills.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Sends the outbox: at once after the change commits (off the request's thread, so a slow relay
 * never holds a user up), and again from a sweep for anything a relay refused or a crash left
 * unsent. The sweep leaves fresh rows alone, so it does not race the first attempt.
 */
@ApplicationScoped
public class MailSender {

    static final int MAX_ATTEMPTS = 10;

    private final Mailer mailer;
    private final ManagedExecutor executor;
    private final Clock clock;
    /** How old an unsent message must be before the sweep takes it: longer than a first attempt can take. */
    private final Duration sweepAfter;

    MailSender(
            Mailer mailer,
            ManagedExecutor executor,
            Clock clock,
            @ConfigProperty(name = "mail-outbox.sweep-after", defaultValue = "PT2M") Duration sweepAfter) {
        this.mailer = mailer;
        this.executor = executor;
        this.clock = clock;
        this.sweepAfter = sweepAfter;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Queued queued) {
        executor.runAsync(() -> queued.ids().forEach(this::send));
    }

    @Scheduled(every = "${mail-outbox.sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            due().forEach(this::send);
        } catch (RuntimeException e) {
            // The database is away (an outage, a restart): the next sweep tries again; nothing is lost.
            Log.warnf("Mail outbox sweep skipped: %s", e.toString());
        }
    }

    private List<Long> due() {
        Instant before = Instant.now(clock).minus(sweepAfter);
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>find(
                                "sentAt is null and attempts < ?1 and createdAt < ?2 order by id", MAX_ATTEMPTS, before)
                        .page(0, 100)
                        .list()
                        .stream()
                        .map(m -> m.id)
                        .toList());
    }

    void send(long id) {
        OutboxMail m = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(id));
        if (m == null || m.sentAt != null) {
            return;
        }
        String error = null;
        try {
            mailer.send(Mail.withText(m.recipient, m.subject, m.body));
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            Log.warnf("Mail %d to %s not sent (attempt %d): %s", id, m.recipient, m.attempts + 1, error);
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail row = OutboxMail.findById(id);
            row.attempts++;
            if (failure == null) {
                row.sentAt = Instant.now(clock);
            } else {
                row.lastError = failure.length() > 500 ? failure.substring(0, 500) : failure;
            }
        });
    }
}
