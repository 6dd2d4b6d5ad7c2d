package org.sharedict.skills.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.skills.directory.Contacts;
import org.sharedict.skills.directory.Contacts.Contact;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.platform.links.SignedLinks;
import org.sharedict.skills.platform.mail.Outbox;
import org.sharedict.skills.profile.ExpiringCertifications;
import org.sharedict.skills.profile.ExpiringCertifications.Expiring;

/**
 * Certification expiry reminders (60 and 14 days before, to the person and their partner's
 * managers) and stale-profile nudges (the person once, with a signed one-click link to confirm; their
 * managers a month later if still unconfirmed, each with their own). Each goes exactly once: the {@code reminder_sent} row and the
 * outbox messages are written in one transaction, and the row's unique key makes a second run, or
 * another instance's run, roll back instead of sending again.
 */
@ApplicationScoped
public class Reminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

    private final ExpiringCertifications certifications;
    private final Contacts contacts;
    private final Outbox outbox;
    private final SkillsConfig config;
    private final SignedLinks links;
    private final Clock clock;

    Reminders(
            ExpiringCertifications certifications,
            Contacts contacts,
            Outbox outbox,
            SkillsConfig config,
            SignedLinks links,
            Clock clock) {
        this.certifications = certifications;
        this.contacts = contacts;
        this.outbox = outbox;
        this.config = config;
        this.links = links;
        this.clock = clock;
    }

    /** Sends every reminder due today that has not gone yet; answers how many went. */
    public int sendDue() {
        LocalDate today = Dates.today(clock);
        int sent = 0;
        for (Expiring c : certifications.between(today, today.plusDays(60))) {
            boolean soon = !c.expires().isAfter(today.plusDays(14));
            ReminderSent.Kind kind =
                    soon ? ReminderSent.Kind.CERTIFICATION_14_DAYS : ReminderSent.Kind.CERTIFICATION_60_DAYS;
            Optional<Contact> person = contacts.person(c.personId());
            if (person.isEmpty()) {
                continue;
            }
            List<String> to = new ArrayList<>();
            to.add(person.get().email());
            contacts.managers(person.get().partner()).forEach(m -> to.add(m.email()));
            String subject = "Certification expires " + DAY.format(c.expires()) + ": " + c.name() + " ("
                    + person.get().name() + ")";
            String body = person.get().name() + "'s certification \"" + c.name() + "\" expires on "
                    + DAY.format(c.expires()) + ".\n\nRenew it, then record the new expiry date on the profile: "
                    + profileLink(person.get()) + "\n";
            sent += once(
                    kind, "certification:" + c.id() + ":" + c.expires(), c.personId(), today, subject, same(to, body));
        }
        LocalDate staleBefore = today.minusMonths(config.staleAfterMonths());
        for (Contacts.Unconfirmed u : contacts.unconfirmedSince(staleBefore)) {
            Contact p = u.person();
            String key = "person:" + p.id() + ":" + u.lastConfirmed();
            String since = u.lastConfirmed() == null ? "ever" : "since " + DAY.format(u.lastConfirmed());
            sent += once(
                    ReminderSent.Kind.STALE_PROFILE,
                    key,
                    p.id(),
                    today,
                    "Please confirm your skills profile",
                    Map.of(
                            p.email(),
                            "Nobody has confirmed your skills profile " + since
                                    + ". Expert search ranks you lower until it is.\n\n"
                                    + "If it is still true, confirm it with one click (no sign-in; the link works once,"
                                    + " for you only): " + links.url(p.id(), p.id(), SignedLinks.Action.PROFILE_CONFIRM)
                                    + "\n\nIf something has changed, update it first: " + profileLink(p) + "\n"));
            Optional<ReminderSent> nudged = QuarkusTransaction.requiringNew()
                    .call(() -> ReminderSent.<ReminderSent>find(
                                    "kind = ?1 and subjectKey = ?2", ReminderSent.Kind.STALE_PROFILE, key)
                            .firstResultOptional());
            if (nudged.isPresent() && !nudged.get().sentOn.plusMonths(1).isAfter(today)) {
                Map<String, String> managers = new LinkedHashMap<>();
                contacts.managers(p.partner()).stream()
                        .filter(m -> m.id() != p.id())
                        .forEach(m -> managers.put(
                                m.email(),
                                p.name() + " was asked a month ago to confirm their skills profile, unconfirmed "
                                        + since + ".\n\nIf it is still true, confirm it for them with one click (no"
                                        + " sign-in; the link works once, for you only): "
                                        + links.url(p.id(), m.id(), SignedLinks.Action.PROFILE_CONFIRM)
                                        + "\n\nOr go through it with them: " + profileLink(p) + "\n"));
                sent += once(
                        ReminderSent.Kind.STALE_PROFILE_MANAGER,
                        key,
                        p.id(),
                        today,
                        "Skills profile still unconfirmed: " + p.name(),
                        managers);
            }
        }
        return sent;
    }

    private static Map<String, String> same(List<String> to, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        to.forEach(a -> out.put(a, body));
        return out;
    }

    /** The reminder and its messages (address to body) in one transaction: 1 when sent now, 0 when it went before. */
    private int once(
            ReminderSent.Kind kind,
            String key,
            long personId,
            LocalDate today,
            String subject,
            Map<String, String> bodies) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (ReminderSent.count("kind = ?1 and subjectKey = ?2", kind, key) > 0) {
                    return 0;
                }
                ReminderSent r = new ReminderSent();
                r.kind = kind;
                r.subjectKey = key;
                r.personId = personId;
                r.sentOn = today;
                r.createdAt = Instant.now(clock);
                r.persistAndFlush();
                bodies.forEach((to, body) -> outbox.queue(java.util.Collections.singletonList(to), subject, body));
                return 1;
            });
        } catch (RuntimeException e) {
            // Another instance's run recorded it between our check and our insert (the unique key
            // refused ours, and our messages rolled back with it): it sent the reminder.
            boolean sentElsewhere = QuarkusTransaction.requiringNew()
                    .call(() -> ReminderSent.count("kind = ?1 and subjectKey = ?2", kind, key) > 0);
            if (!sentElsewhere) {
                throw e;
            }
            Log.debugf("Reminder %s %s already sent elsewhere: %s", kind, key, e.toString());
            return 0;
        }
    }

    private String profileLink(Contact p) {
        return config.aid().publicUrl() + "/#/people/" + p.id();
    }
}
