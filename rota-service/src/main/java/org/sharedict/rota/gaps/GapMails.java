package org.sharedict.rota.gaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.gaps.CoverGapDtos.CoverGap;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;

/**
 * The daily mail to each partner's managers listing the cover gaps they have not been told of. A gap
 * is new when no gap already told (same reason, rota, layer, policy and step) overlaps it; a told gap
 * grows with what it overlaps, so a lasting gap is mailed once, and a partner whose gaps did not
 * change gets no mail. A partner with no manager known (with an address) is told once one is.
 */
@ApplicationScoped
public class GapMails {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final Clock clock;
    private final RotaConfig config;
    private final CoverGapService gaps;
    private final People people;
    private final Outbox outbox;

    GapMails(Clock clock, RotaConfig config, CoverGapService gaps, People people, Outbox outbox) {
        this.clock = clock;
        this.config = config;
        this.gaps = gaps;
        this.people = people;
        this.outbox = outbox;
    }

    /** Mails every partner's managers their new gaps; the number of partners told. */
    @Transactional
    public int sendNew() {
        return sendNew(gaps.partners());
    }

    /** The same for some partners only (a test's own, so that it mails nobody else's managers). */
    @Transactional
    int sendNew(Collection<String> partners) {
        Instant now = Instant.now(clock);
        Instant until = now.plus(Duration.ofDays(config.gaps().horizonDays()));
        ReportedGap.delete("endsAt < ?1", now.minus(Duration.ofDays(7)));
        int told = 0;
        for (String partner : partners) {
            if (tell(partner, gaps.gaps(partner, now, until), now)) {
                told++;
            }
        }
        if (told > 0) {
            Log.infof("Cover gaps: new gaps mailed to the managers of %d partners", told);
        }
        return told;
    }

    private boolean tell(String partner, List<CoverGap> current, Instant now) {
        List<ReportedGap> known = ReportedGap.list("partner", partner);
        List<CoverGap> fresh = new ArrayList<>();
        List<Runnable> grow = new ArrayList<>();
        for (CoverGap g : current) {
            ReportedGap match = known.stream()
                    .filter(k ->
                            k.gapKey.equals(g.key()) && !k.startsAt.isAfter(g.end()) && !k.endsAt.isBefore(g.start()))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                fresh.add(g);
            } else {
                grow.add(() -> {
                    match.startsAt = g.start().isBefore(match.startsAt) ? g.start() : match.startsAt;
                    match.endsAt = g.end().isAfter(match.endsAt) ? g.end() : match.endsAt;
                });
            }
        }
        grow.forEach(Runnable::run);
        if (fresh.isEmpty()) {
            return false;
        }
        List<Contact> managers = people.managersOf(partner).stream()
                .filter(m -> m.email() != null && !m.email().isBlank())
                .toList();
        if (managers.isEmpty()) {
            Log.warnf(
                    "Cover gaps: %d new for %s, but no manager of %s with an e-mail address is known",
                    fresh.size(), partner, partner);
            return false;
        }
        String subject = "Cover gaps: " + fresh.size() + " new for " + partner;
        for (Contact m : managers) {
            outbox.queue(
                    Notification.Purpose.COVER_GAPS,
                    Notification.Channel.EMAIL,
                    null,
                    m.personId(),
                    null,
                    m.email(),
                    subject,
                    body(m.name(), partner, fresh, Partnership.zone()));
        }
        for (CoverGap g : fresh) {
            ReportedGap r = new ReportedGap();
            r.partner = partner;
            r.gapKey = g.key();
            r.startsAt = g.start();
            r.endsAt = g.end();
            r.reportedAt = now;
            r.persist();
        }
        return true;
    }

    static String body(String name, String partner, List<CoverGap> fresh, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(name == null ? "" : name).append(",\n\n");
        b.append("In these periods nobody would be paged for ").append(partner).append(" (UK time):\n\n");
        for (CoverGap g : fresh) {
            b.append("* ")
                    .append(WHEN.format(g.start().atZone(zone)))
                    .append(" to ")
                    .append(WHEN.format(g.end().atZone(zone)))
                    .append(": ")
                    .append(g.detail())
                    .append(" [")
                    .append(g.reason())
                    .append("]\n");
        }
        b.append("\nYou are told of each gap once; this mail lists only gaps that are new since the last.\n");
        b.append("\n-- rota-service, Shared ICT Support platform\n");
        return b.toString();
    }
}
