package org.sharedict.dr.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

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
 * unsent. Each send first claims its row with one conditional UPDATE, so the after-commit send,
 * the sweep and a second instance never send the same row twice; a claim outlives the longest
 * send, so only a crash between the relay's "250 OK" and the sent mark can repeat a message.
 */
@ApplicationScoped
public class MailSender {

    static final int MAX_ATTEMPTS = 10;

    private final Mailer mailer;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final EntityManager em;
    private final Duration claimFor;
    /** How old an unsent message must be before the sweep takes it, so it does not race the first attempt. */
    private final Duration sweepAfter;

    MailSender(
            Mailer mailer,
            ManagedExecutor executor,
            Clock clock,
            EntityManager em,
            @ConfigProperty(name = "mail-outbox.claim-for", defaultValue = "PT2M") Duration claimFor,
            @ConfigProperty(name = "mail-outbox.sweep-after", defaultValue = "PT1M") Duration sweepAfter) {
        this.mailer = mailer;
        this.executor = executor;
        this.clock = clock;
        this.em = em;
        this.claimFor = claimFor;
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
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>find(
                                "sentAt is null and attempts < ?1 and (claimedUntil is null or claimedUntil < ?2)"
                                        + " and createdAt < ?3 order by id",
                                MAX_ATTEMPTS,
                                now,
                                now.minus(sweepAfter))
                        .page(0, 100)
                        .list()
                        .stream()
                        .map(m -> m.id)
                        .toList());
    }

    /** True when this caller now owns the row for one send attempt. */
    private boolean claim(long id) {
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew()
                        .call(() -> em.createQuery("update OutboxMail m set m.claimedUntil = :until"
                                        + " where m.id = :id and m.sentAt is null and m.attempts < :max"
                                        + " and (m.claimedUntil is null or m.claimedUntil < :now)")
                                .setParameter("until", now.plus(claimFor))
                                .setParameter("id", id)
                                .setParameter("max", MAX_ATTEMPTS)
                                .setParameter("now", now)
                                .executeUpdate())
                == 1;
    }

    void send(long id) {
        try {
            if (!claim(id)) {
                return;
            }
            Mail mail = QuarkusTransaction.requiringNew().call(() -> {
                OutboxMail m = OutboxMail.findById(id);
                Mail x = Mail.withText(m.recipient, m.subject, m.body);
                if (m.attachment != null) {
                    x.addAttachment(m.attachmentName, m.attachment, m.attachmentType);
                }
                return x;
            });
            String error = null;
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                Log.warnf("Mail %d to %s not sent: %s", id, mail.getTo(), error);
            }
            String failure = error;
            QuarkusTransaction.requiringNew().run(() -> {
                OutboxMail row = OutboxMail.findById(id);
                row.attempts++;
                if (failure == null) {
                    row.sentAt = Instant.now(clock);
                } else {
                    row.lastError = failure.length() > 500 ? failure.substring(0, 500) : failure;
                    // Free the row for the next sweep rather than holding it for the whole claim.
                    row.claimedUntil = null;
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Mail %d left for the next sweep: %s", id, e.toString());
        }
    }
}
