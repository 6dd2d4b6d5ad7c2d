package org.sharedict.rota.escalation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.contacts.Rules;
import org.sharedict.rota.contacts.Urgency;
import org.sharedict.rota.escalation.EscalationPolicy;
import org.sharedict.rota.escalation.engine.TimelineLine.Kind;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.notify.Page;
import org.sharedict.rota.notify.PageMessages;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.schedule.Interval;

/**
 * Pages the people of one step the way each asked (their rules for the incident's urgency), or by
 * the e-mail skills-service holds when they have no verified method. A low-urgency page out of
 * working hours waits for the working day, unless the policy says low urgency pages at once.
 */
@ApplicationScoped
public class PersonPages {

    private final Clock clock;
    private final Rules rules;
    private final Outbox outbox;
    private final CalendarService calendar;

    @Inject
    PersonPages(Clock clock, Rules rules, Outbox outbox, CalendarService calendar) {
        this.clock = clock;
        this.rules = rules;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** Queues every person's pages; answers how many messages were queued. */
    int page(
            EscalatedIncident i,
            Collection<Long> persons,
            Map<Long, Contact> known,
            int step,
            int pass,
            List<TimelineLine> lines) {
        List<String> names = new ArrayList<>();
        for (Long id : persons) {
            Contact p = known.get(id);
            names.add(p == null ? "person " + id : p.name());
        }
        Instant now = Instant.now(clock);
        Instant start = startOfPaging(i, now, step, pass, lines);
        int queued = 0;
        for (Long id : persons) {
            Contact p = known.get(id);
            if (p == null) {
                lines.add(TimelineLine.of(
                        Kind.NO_RECIPIENT, "person " + id + " is unknown to rota-service", step + 1, pass + 1));
                continue;
            }
            Page page = page(i, step, pass, names, p);
            List<Rules.Route> routes = rules.plan(id, i.urgency());
            if (routes.isEmpty()) {
                if (p.email() == null || p.email().isBlank()) {
                    lines.add(TimelineLine.of(
                            Kind.NO_RECIPIENT,
                            p.name()
                                    + " has no verified contact method and skills-service holds no e-mail address for them",
                            step + 1,
                            pass + 1));
                    continue;
                }
                routes = List.of(new Rules.Route(Notification.Channel.EMAIL, p.email(), null, Duration.ZERO, null));
            }
            for (Rules.Route r : routes) {
                Instant due = start.plus(r.after());
                long n = outbox.queuePage(page, r.channel(), r.address(), r.methodId(), due);
                TimelineLine line = Escalations.queued(n, r.channel(), p.name() + " <" + r.address() + ">", step, pass);
                if (r.methodId() == null) {
                    // The fallback says so on the timeline: otherwise nobody learns why no SMS came.
                    line = detail(
                            line,
                            "email queued: " + p.name() + " has no verified contact method for "
                                    + i.urgency().name().toLowerCase()
                                    + " urgency, so the page goes to the e-mail address"
                                    + " skills-service holds");
                }
                if (due.isAfter(now)) {
                    line = detail(
                            line,
                            line.detail() + " for " + PageMessages.when(due)
                                    + (r.after().isZero()
                                            ? ""
                                            : " (" + r.after().toMinutes() + " min after the page, by " + p.name()
                                                    + "'s rules)"));
                }
                lines.add(line);
                queued++;
            }
        }
        return queued;
    }

    private static TimelineLine detail(TimelineLine l, String detail) {
        return new TimelineLine(
                l.kind(), detail, l.step(), l.pass(), null, l.channel(), l.recipient(), l.notificationId(), null);
    }

    /** When the pages start: now, or for a low-urgency page out of hours the working day's start (unless the policy says at once). */
    private Instant startOfPaging(EscalatedIncident i, Instant now, int step, int pass, List<TimelineLine> lines) {
        if (i.urgency() != Urgency.LOW || i.policyId() == null) {
            return now;
        }
        EscalationPolicy policy = EscalationPolicy.findById(i.policyId());
        if (policy == null || !policy.lowUrgencyWaits) {
            return now;
        }
        Interval night = calendar.calendar().windowAround(now);
        if (night == null) {
            return now;
        }
        lines.add(TimelineLine.of(
                Kind.NOTIFICATION_QUEUED,
                "low urgency out of working hours: pages wait for " + PageMessages.when(night.end()),
                step + 1,
                pass + 1));
        return night.end();
    }

    private static Page page(EscalatedIncident i, int step, int pass, List<String> names, Contact p) {
        return new Page(
                i.id(),
                i.partner(),
                i.summary(),
                i.details(),
                i.severity(),
                i.urgency().name(),
                i.policyName(),
                step + 1,
                pass + 1,
                i.occurrences(),
                raisedBy(i),
                i.createdAt(),
                names,
                p.personId(),
                p.name());
    }

    /** Who raised it, in words: an API key's name, else "monitoring" for a key, else the signed-in name or username. */
    static String raisedBy(EscalatedIncident i) {
        if (i.raisedByName() != null && !i.raisedByName().isBlank()) {
            return i.raisedByName();
        }
        return i.raisedBy().startsWith("apikey:") ? "monitoring" : i.raisedBy();
    }
}
