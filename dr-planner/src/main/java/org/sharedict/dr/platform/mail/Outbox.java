package org.sharedict.dr.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Queues e-mail in the caller's transaction. The rows commit with the change they report, or not
 * at all; {@link MailSender} sends them once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    /** A file sent with a message (the approved plan's PDF). */
    public record Attachment(String name, String contentType, byte[] bytes) {}

    /** Raised in the transaction; observed after it succeeds. */
    public record Queued(List<Long> ids) {}

    private final Clock clock;
    private final Event<Queued> queued;

    Outbox(Clock clock, Event<Queued> queued) {
        this.clock = clock;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(String recipient, String subject, String body) {
        return queue(recipient, subject, body, null);
    }

    /** One message to one address; returns the outbox row's ID. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queue(String recipient, String subject, String body, Attachment attachment) {
        OutboxMail m = new OutboxMail();
        m.recipient = recipient.trim().toLowerCase(Locale.ROOT);
        m.subject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
        m.body = body;
        if (attachment != null) {
            m.attachmentName = attachment.name();
            m.attachmentType = attachment.contentType();
            m.attachment = attachment.bytes();
        }
        m.createdAt = Instant.now(clock);
        m.persistAndFlush();
        queued.fire(new Queued(new ArrayList<>(List.of(m.id))));
        return m.id;
    }
}
