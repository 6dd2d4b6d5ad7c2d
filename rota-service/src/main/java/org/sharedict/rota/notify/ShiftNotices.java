package org.sharedict.rota.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.rotas.ShiftsChanged;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.Shift;

/**
 * Tells people when a change to a rota publishes or moves their upcoming shifts: each person whose
 * own list of shifts (whole shifts meeting the notice horizon, both sides read at one instant)
 * differs before and after the change gets one e-mail with their new list. People whose shifts did
 * not change hear nothing.
 */
@ApplicationScoped
public class ShiftNotices {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final Outbox outbox;
    private final People people;
    private final RotaConfig config;

    ShiftNotices(Outbox outbox, People people, RotaConfig config) {
        this.outbox = outbox;
        this.people = people;
        this.config = config;
    }

    private record Key(String layer, Instant start, Instant end, String reason) {}

    /** Rotas announce their changes; the e-mails are queued in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes ShiftsChanged c) {
        String rotaName = c.rotaName();
        boolean published = c.published();
        List<Shift> after = c.after();
        Set<Long> changed = whoseShiftsChanged(c.before(), after);
        Map<Long, Contact> known = people.find(changed);
        for (Long id : changed) {
            Contact p = known.get(id);
            if (p == null || p.email() == null) {
                continue;
            }
            List<Shift> mine = after.stream().filter(s -> s.personId() == id).toList();
            String subject =
                    (published ? "Your out-of-hours shifts are published: " : "Your out-of-hours shifts changed: ")
                            + rotaName;
            outbox.queue(
                    Notification.Purpose.SHIFTS_CHANGED,
                    Notification.Channel.EMAIL,
                    null,
                    id,
                    null,
                    p.email(),
                    subject,
                    body(p.name(), rotaName, mine, published));
        }
    }

    /** The people whose own shifts differ between the two lists (in when, which layer or why). */
    static Set<Long> whoseShiftsChanged(List<Shift> before, List<Shift> after) {
        Map<Long, List<Key>> was = byPerson(before);
        Map<Long, List<Key>> now = byPerson(after);
        Set<Long> everyone = new LinkedHashSet<>(was.keySet());
        everyone.addAll(now.keySet());
        everyone.removeIf(id -> Objects.equals(was.getOrDefault(id, List.of()), now.getOrDefault(id, List.of())));
        return everyone;
    }

    private static Map<Long, List<Key>> byPerson(List<Shift> shifts) {
        Map<Long, List<Key>> out = new HashMap<>();
        for (Shift s : shifts) {
            out.computeIfAbsent(s.personId(), k -> new ArrayList<>())
                    .add(new Key(
                            s.layer().name(), s.start(), s.end(), s.reason().name()));
        }
        return out;
    }

    private String body(String name, String rota, List<Shift> shifts, boolean published) {
        ZoneId zone = OutOfHoursCalendar.ZONE;
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(name).append(",\n\n");
        b.append(
                published ? "The rota \"" + rota + "\" has been published." : "The rota \"" + rota + "\" has changed.");
        b.append(" Your shifts in the next ")
                .append(config.notices().horizonDays())
                .append(" days (UK time):\n\n");
        if (shifts.isEmpty()) {
            b.append("  none\n");
        }
        for (Shift s : shifts) {
            b.append("  ")
                    .append(WHEN.format(s.start().atZone(zone)))
                    .append(" to ")
                    .append(WHEN.format(s.end().atZone(zone)))
                    .append("  ")
                    .append(s.layer().name().toLowerCase(Locale.ROOT))
                    .append(
                            s.reason().name().equals("SCHEDULED")
                                    ? ""
                                    : " ("
                                            + s.reason()
                                                    .name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' ') + ")")
                    .append('\n');
        }
        b.append(
                "\nYour calendar feed shows the same (GET /api/calendar/feeds/me for its address).\n\n-- rota-service, Shared ICT Support platform\n");
        return b.toString();
    }
}
