package org.sharedict.rota.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Names;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.rotas.RotaPlans;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.Shift;

/**
 * Reminds each person of a shift that starts within {@code rota.reminders.lead}. The shift is the
 * primary key of {@code shift_reminder}, so a shift is reminded once however often (or wherever)
 * the check runs. A shift that starts because another ended (the same person on through a
 * handoff) is reminded too: it is a new shift on the rota.
 */
@ApplicationScoped
public class Reminders {

    private final Clock clock;
    private final RotaConfig config;
    private final RotaPlans plans;
    private final CalendarService calendar;
    private final People people;
    private final Outbox outbox;

    Reminders(Clock clock, RotaConfig config, RotaPlans plans, CalendarService calendar, People people, Outbox outbox) {
        this.clock = clock;
        this.config = config;
        this.plans = plans;
        this.calendar = calendar;
        this.people = people;
        this.outbox = outbox;
    }

    @Transactional
    public int sendDue() {
        Instant now = Instant.now(clock);
        Instant until = now.plus(config.reminders().lead());
        // Expand from a day back, so a shift's true start is seen rather than its clipped one.
        Instant from = now.minus(Duration.ofDays(1));
        OutOfHoursCalendar cal = calendar.calendar();
        int sent = 0;
        for (RotaPlans.Skeleton r : plans.all()) {
            List<Shift> shifts = Expander.shifts(plans.plan(r, from, until), cal, from, until);
            for (Shift s : shifts) {
                if (s.start().isBefore(now)
                        || s.start().isAfter(until)
                        || s.start().equals(from)) {
                    continue;
                }
                int inserted = Notification.getEntityManager()
                        .createNativeQuery(
                                "INSERT IGNORE INTO shift_reminder (rota_id, layer, person_id, shift_start, sent_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, r.id())
                        .setParameter(2, s.layer().name())
                        .setParameter(3, s.personId())
                        .setParameter(4, s.start())
                        .setParameter(5, now)
                        .executeUpdate();
                if (inserted == 0) {
                    continue;
                }
                Contact p = people.find(s.personId()).orElse(null);
                if (p == null || p.email() == null) {
                    continue;
                }
                outbox.queue(
                        Notification.Purpose.SHIFT_REMINDER,
                        Notification.Channel.EMAIL,
                        null,
                        p.personId(),
                        null,
                        p.email(),
                        "Reminder: you are on call from "
                                + ShiftNotices.WHEN.format(s.start().atZone(cal.zone())) + " (" + r.name() + ")",
                        body(
                                p.name(),
                                r.name(),
                                s,
                                Names.named(s.note(), people.find(Names.mentioned(s.note()))),
                                cal.zone()));
                sent++;
            }
        }
        if (sent > 0) {
            Log.infof("Shift reminders: %d sent", sent);
        }
        return sent;
    }

    private static String body(String name, String rota, Shift s, String note, ZoneId zone) {
        return """
                Hello %s,

                You are on call (%s) on "%s" from %s to %s (UK time)%s.

                -- rota-service, Shared ICT Support platform
                """.formatted(
                        name,
                        s.layer().name().toLowerCase(Locale.ROOT),
                        rota,
                        ShiftNotices.WHEN.format(s.start().atZone(zone)),
                        ShiftNotices.WHEN.format(s.end().atZone(zone)),
                        note == null ? "" : " - " + note);
    }
}
