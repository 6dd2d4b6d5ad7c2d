package org.sharedict.dr.exercises;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.platform.mail.Outbox;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.partnership.Partnership;

/**
 * Reminds the participants of a scheduled exercise, {@code dr.reminders.exercise-days-before}
 * days ahead, once each: a participant written with an address ("Sam Carter
 * &lt;sam.carter@boston.example.gov.uk&gt;", or the bare address) is reminded, a bare name cannot be.
 * The reminder row and the message commit together, and the row's key (exercise, address) lets
 * no second run send it again.
 */
@ApplicationScoped
public class ExerciseReminders {

    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Clock clock;
    private final DrConfig config;
    private final EntityManager em;
    private final Outbox outbox;
    private final PlanLoader plans;
    private final Json json;

    ExerciseReminders(Clock clock, DrConfig config, EntityManager em, Outbox outbox, PlanLoader plans, Json json) {
        this.clock = clock;
        this.config = config;
        this.em = em;
        this.outbox = outbox;
        this.plans = plans;
        this.json = json;
    }

    /** The addresses in a participants list, each once. */
    static Set<String> addresses(List<String> participants) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : participants) {
            Matcher m = ADDRESS.matcher(p);
            if (m.find()) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Returns how many reminders were queued. */
    @Transactional
    public int remindDue() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, Partnership.zone());
        LocalDate until = today.plusDays(config.reminders().exerciseDaysBefore());
        List<Exercise> coming = Exercise.list(
                "status = ?1 and heldOn >= ?2 and heldOn <= ?3 order by heldOn, id",
                Exercise.Status.SCHEDULED,
                today,
                until);
        int sent = 0;
        for (Exercise e : coming) {
            List<String> participants =
                    List.of(json.read(e.participants == null ? "[]" : e.participants, String[].class));
            Set<String> to = addresses(participants);
            if (to.isEmpty()) {
                continue;
            }
            PlanSnapshot p = plans.snapshot(e.planId);
            for (String address : to) {
                int inserted = em.createNativeQuery("insert ignore into dr_exercise_reminder (exercise_id, recipient,"
                                + " sent_at) values (?1, ?2, ?3)")
                        .setParameter(1, e.id)
                        .setParameter(2, address)
                        .setParameter(3, now)
                        .executeUpdate();
                if (inserted == 1) {
                    outbox.queue(address, subject(e, p), body(e, p, participants, today));
                    sent++;
                }
            }
        }
        return sent;
    }

    private static String subject(Exercise e, PlanSnapshot p) {
        return "DR exercise on " + DAY.format(e.heldOn) + ": " + p.name() + " (" + p.partner() + ")";
    }

    private static String body(Exercise e, PlanSnapshot p, List<String> participants, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, e.heldOn);
        return """
                Hello,

                You are taking part in a %s exercise of the disaster recovery plan "%s" of %s on %s (%s).

                Scenario: %s

                Participants: %s

                Please read the plan beforehand and bring what your part of the recovery needs.

                -- dr-planner, Shared ICT Support platform
                """.formatted(
                        e.type.name().toLowerCase(Locale.ROOT),
                        p.name(),
                        p.partner(),
                        DAY.format(e.heldOn),
                        days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days",
                        e.scope,
                        String.join(", ", participants));
    }
}
