package org.sharedict.skills.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Queues e-mail in the caller's transaction. The rows commit with the change they report, or not
 * at all; {@link MailSender} sends them once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    /** Raised in the transaction; observed after it succeeds. */
    public record Queued(List<Long> ids) {}

    private final Clock clock;
    private final Event<Queued> queued;

    Outbox(Clock clock, Event<Queued> queued) {
        this.clock = clock;
        this.queued = queued;
    }

    /** One message to each distinct address (blank ones skipped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Collection<String> recipients, String subject, String body) {
        Set<String> to = new LinkedHashSet<>();
        for (String r : recipients) {
            if (r != null && !r.isBlank()) {
                to.add(r.trim().toLowerCase(Locale.ROOT));
            }
        }
        List<OutboxMail> rows = new ArrayList<>();
        for (String address : to) {
            OutboxMail m = new OutboxMail();
            m.recipient = address;
            m.subject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
            m.body = body;
            m.createdAt = Instant.now(clock);
            m.persist();
            rows.add(m);
        }
        OutboxMail.flush();
        List<Long> ids = rows.stream().map(m -> m.id).toList();
        if (!ids.isEmpty()) {
            queued.fire(new Queued(ids));
        }
    }
}
