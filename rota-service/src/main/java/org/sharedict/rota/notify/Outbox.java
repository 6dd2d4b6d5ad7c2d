package org.sharedict.rota.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Queues e-mails, SMS, calls and webhook calls in the caller's transaction: the notification row
 * and the Quartz trigger that delivers it commit with the change that caused them, or not at all.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final DeliveryScheduler scheduler;
    private final PageMessages messages;
    private final PageActions actions;
    private final SmsReplies replies;
    private final Deliveries deliveries;

    Outbox(
            Clock clock,
            DeliveryScheduler scheduler,
            PageMessages messages,
            PageActions actions,
            SmsReplies replies,
            Deliveries deliveries) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.messages = messages;
        this.actions = actions;
        this.replies = replies;
        this.deliveries = deliveries;
    }

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
        Notification n = row(purpose, channel, incidentId, personId, step, address, subject, body);
        n.nextAttemptAt = n.createdAt;
        n.persistAndFlush();
        scheduler.deliverNow(n.id);
        return n.id;
    }

    /**
     * Queues one person's page through one channel, to go at {@code due} (now, or later by a rule's
     * delay or the wait for working hours); answers the notification's ID.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queuePage(Page p, Notification.Channel channel, String address, Long methodId, Instant due) {
        List<PageActions.PageAction> links = actions.forPage(p.incidentId(), p.personId());
        String body;
        String html = null;
        switch (channel) {
            case EMAIL -> {
                body = messages.mailText(p, links);
                html = messages.mailHtml(p, links);
            }
            case SMS -> body = messages.sms(p);
            case VOICE -> body = messages.speech(p);
            case TEAMS -> body = messages.teams(p, links);
            case SLACK -> body = messages.slack(p, links);
            default -> throw new IllegalArgumentException("a person is not paged by " + channel);
        }
        Notification n = row(
                Notification.Purpose.PAGE,
                channel,
                p.incidentId(),
                p.personId(),
                p.step(),
                address,
                PageMessages.subject(p),
                body);
        n.bodyHtml = html;
        n.methodId = methodId;
        schedule(n, due);
        return n.id;
    }

    /** Queues a short notice (a verification code, a test, an answer to an SMS reply) through one channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queueNotice(
            Notification.Purpose purpose,
            Notification.Channel channel,
            Long personId,
            Long methodId,
            String address,
            String title,
            String text) {
        Notification n =
                row(purpose, channel, null, personId, null, address, title, messages.notice(channel, title, text));
        n.methodId = methodId;
        schedule(n, n.createdAt);
        return n.id;
    }

    /** Due at {@code due} exactly (a page's lateness is measured from it), sent at once when that is not after now. */
    private void schedule(Notification n, Instant due) {
        n.dueAt = due;
        n.nextAttemptAt = due;
        n.persistAndFlush();
        if (!due.isAfter(n.createdAt)) {
            scheduler.deliverNow(n.id);
        } else {
            scheduler.deliver(n.id, 1, n.dueAt);
        }
    }

    private Notification row(
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
        return n;
    }

    /**
     * The incident was acknowledged or resolved: its pages waiting for their time (a call after 3
     * minutes, a low-urgency page waiting for the morning) are not wanted any more. A page already
     * due is on its way (its senders may hold it this instant) and goes; a page being retried is left
     * to finish, since its first attempt may have reached the person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPages(long incidentId, String why) {
        List<Notification> waiting = Notification.list(
                "incidentId = ?1 and status = ?2 and attempts = 0 and coalesce(dueAt, createdAt) > ?3",
                incidentId,
                Notification.Status.PENDING,
                Instant.now(clock));
        for (Notification n : waiting) {
            n.status = Notification.Status.CANCELLED;
            deliveries.tell(n, DeliveryRecorded.Outcome.CANCELLED, 0, "not sent: " + why);
        }
        return waiting.size();
    }

    /** The incident is resolved: its SMS reply numbers are free for the next pages. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(long incidentId) {
        replies.release(incidentId);
    }

    /** Whether this incident has paged this person (queued a message to them), whatever became of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean paged(long incidentId, long personId) {
        return Notification.count("incidentId = ?1 and personId = ?2", incidentId, personId) > 0;
    }

    /** One message an incident sent or will send, for the incident's page. */
    public record Delivery(
            long id,
            Long personId,
            Integer step,
            String channel,
            String address,
            String status,
            int attempts,
            Instant createdAt,
            Instant dueAt,
            Instant sentAt,
            String receipt,
            String lastError) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(long incidentId) {
        return Notification.<Notification>list("incidentId = ?1 order by id", incidentId).stream()
                .map(n -> new Delivery(
                        n.id,
                        n.personId,
                        n.step,
                        n.channel.name(),
                        n.address,
                        n.status.name(),
                        n.attempts,
                        n.createdAt,
                        n.dueAt == null ? n.createdAt : n.dueAt,
                        n.sentAt,
                        n.receipt,
                        n.lastError))
                .toList();
    }
}
