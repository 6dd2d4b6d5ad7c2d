package org.sharedict.rota.notify;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Queues e-mails and webhook calls in the caller's transaction: the notification row and the
 * Quartz trigger that delivers it commit with the change that caused them, or not at all.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    @Inject
    DeliveryScheduler scheduler;

    /** Queues one message; answers the notification's ID. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(
            Notification.Purpose purpose,
            Notification.Channel channel,
            Long incidentId,
            Long personId,
            Integer step,
            String address,
            String subject,
            String body) {
        Notification n = new Notification();
        n.purpose = purpose;
        n.channel = channel;
        n.incidentId = incidentId;
        n.personId = personId;
        n.step = step;
        n.address = address;
        n.subject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
        n.body = body;
        n.status = Notification.Status.PENDING;
        n.attempts = 0;
        n.createdAt = Instant.now(clock);
        n.persistAndFlush();
        scheduler.deliverNow(n.id);
        return n.id;
    }

    /** Whether this incident has paged this person (queued a message to them), whatever became of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean paged(long incidentId, long personId) {
        return Notification.count("incidentId = ?1 and personId = ?2", incidentId, personId) > 0;
    }
}
