package org.sharedict.skills.aid.requests;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.skills.aid.agreement.AgreementService;
import org.sharedict.skills.directory.Contacts;
import org.sharedict.skills.directory.Contacts.Contact;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.platform.links.SignedLinks;
import org.sharedict.skills.platform.mail.Outbox;

/**
 * Who hears of a change to a help request, and what they read: the asker, both partners' managers
 * and the person named. Queued in the change's transaction (the outbox), sent after it commits.
 */
@ApplicationScoped
class RequestMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(Partnership.zone());

    private final Outbox outbox;
    private final Contacts contacts;
    private final SkillsConfig config;
    private final SignedLinks links;
    private final AgreementService agreement;

    RequestMail(Outbox outbox, Contacts contacts, SkillsConfig config, SignedLinks links, AgreementService agreement) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.config = config;
        this.links = links;
        this.agreement = agreement;
    }

    /**
     * Everyone concerned hears of the change. While the request waits for a decision, the helping
     * partner's managers' copies carry their own signed links to approve or decline it, and the
     * person asked for (where the agreement lets them) theirs to accept it.
     */
    void changed(HelpRequest r, String what, String reason) {
        String subject = subject(r, what);
        String body = body(r, what, reason);
        Map<String, String> personal = r.status == RequestStatus.REQUESTED ? decisionLinks(r) : Map.of();
        List<String> rest = concerned(r).stream()
                .filter(a -> a == null || !personal.containsKey(a.trim().toLowerCase(Locale.ROOT)))
                .toList();
        outbox.queue(rest, subject, body);
        personal.forEach((address, text) -> outbox.queue(List.of(address), subject, body + text));
    }

    private Map<String, String> decisionLinks(HelpRequest r) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        for (Contact m : contacts.managers(r.helperPartner)) {
            texts.computeIfAbsent(key(m), k -> new StringBuilder())
                    .append("Approve it: ")
                    .append(links.url(r.id, m.id(), SignedLinks.Action.AID_APPROVE))
                    .append("\nDecline it (you give the reason on the page): ")
                    .append(links.url(r.id, m.id(), SignedLinks.Action.AID_DECLINE))
                    .append('\n');
        }
        if (r.helperPersonId != null
                && agreement.terms().allowsDirectAccept(r.urgency == HelpRequest.Urgency.URGENT, r.outOfHours)) {
            contacts.person(r.helperPersonId)
                    .filter(p -> p.partner().equals(r.helperPartner))
                    .ifPresent(p -> texts.computeIfAbsent(key(p), k -> new StringBuilder())
                            .append("You were asked for by name, and the partnership agreement lets you accept")
                            .append(" this one yourself (your manager is told): ")
                            .append(links.url(r.id, p.id(), SignedLinks.Action.AID_ACCEPT))
                            .append('\n'));
        }
        Map<String, String> out = new LinkedHashMap<>();
        String until = UNTIL.format(links.expiresIfMadeNow());
        texts.forEach((address, t) -> out.put(
                address,
                "\nDecide from this e-mail, without signing in (each link shows what it will do first, works once,"
                        + " and only for you, until " + until + "):\n" + t));
        return out;
    }

    private static String key(Contact c) {
        return c.email() == null ? "" : c.email().trim().toLowerCase(Locale.ROOT);
    }

    /** A time record was logged or answered: the same people, with the record's details. */
    void timeChanged(HelpRequest r, String what, TimeRecord t) {
        String detail = "%s: %s h%s on %s%s"
                .formatted(
                        what,
                        Minutes.toHours(t.minutes).toPlainString(),
                        t.outOfHours ? " out of hours" : "",
                        DAY.format(t.workedOn),
                        t.queryReason != null && t.status == TimeRecord.Status.QUERIED
                                ? " — queried: " + t.queryReason
                                : "");
        outbox.queue(concerned(r), subject(r, what), body(r, detail, t.note));
    }

    List<String> concerned(HelpRequest r) {
        List<String> to = new ArrayList<>();
        to.add(r.requesterEmail);
        contacts.managers(r.requesterPartner).forEach(c -> to.add(c.email()));
        contacts.managers(r.helperPartner).forEach(c -> to.add(c.email()));
        if (r.helperPersonId != null) {
            contacts.person(r.helperPersonId).map(Contact::email).ifPresent(to::add);
        }
        return to;
    }

    private static String subject(HelpRequest r, String what) {
        return "[Mutual aid #%d] %s: %s".formatted(r.id, capitalised(what), r.title);
    }

    private String body(HelpRequest r, String what, String reason) {
        String when = r.neededFrom == null
                ? "as soon as possible"
                : DAY.format(r.neededFrom)
                        + (r.neededTo != null && !r.neededTo.equals(r.neededFrom)
                                ? " to " + DAY.format(r.neededTo)
                                : "");
        StringBuilder b = new StringBuilder()
                .append(r.requesterPartner)
                .append(" asked ")
                .append(r.helperPartner)
                .append(" for help: ")
                .append(r.title)
                .append("\n\nNow: ")
                .append(what)
                .append(" (status ")
                .append(r.status.name().toLowerCase().replace('_', ' '))
                .append(")\n");
        if (reason != null && !reason.isBlank()) {
            b.append("Note: ").append(reason.trim()).append('\n');
        }
        b.append("\nSkills: ")
                .append(String.join(", ", r.skills))
                .append("\nWhen: ")
                .append(when)
                .append("\nExpected: ")
                .append(Minutes.toHours(r.expectedMinutes).toPlainString())
                .append(" h, ")
                .append(r.urgency.name().toLowerCase())
                .append(r.outOfHours ? ", out of hours" : "")
                .append(r.onSite ? ", on site" : ", remote")
                .append("\nWhy: ")
                .append(r.reason)
                .append("\n\nOpen the request: ")
                .append(config.aid().publicUrl())
                .append("/aid/requests/")
                .append(r.id)
                .append('\n');
        return b.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
