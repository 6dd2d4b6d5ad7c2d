package org.sharedict.dr.exercises;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.copies.CopyRegister;
import org.sharedict.dr.exercises.ExerciseDtos.Action;
import org.sharedict.dr.exercises.ExerciseDtos.ActionStatus;
import org.sharedict.dr.exercises.ExerciseDtos.OverdueAction;
import org.sharedict.dr.exercises.ExerciseDtos.Readiness;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.partnership.Partnership;

/**
 * How ready a plan is, in four figures: the share of its tier-1 activities covered by an exercise
 * held in the last 12 months (any revision of the plan), exercise actions still open (and how many
 * are overdue), holders who have not acknowledged the copy of the revision in force, and days
 * since approval.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadinessService {

    static final int EXERCISED_WITHIN_MONTHS = 12;

    private final PlanLoader plans;
    private final Clock clock;
    private final Json json;
    private final CopyRegister copies;

    public ReadinessService(PlanLoader plans, Clock clock, Json json, CopyRegister copies) {
        this.plans = plans;
        this.clock = clock;
        this.json = json;
        this.copies = copies;
    }

    LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Partnership.zone());
    }

    public Readiness of(long planId) {
        return readiness(plans.load(planId), today());
    }

    /** Readiness of every partner's approved plan (or one partner's). */
    public List<Readiness> approved(String partner) {
        LocalDate today = today();
        List<Readiness> out = new ArrayList<>();
        for (PlanSnapshot p : plans.approved(partner)) {
            out.add(readiness(plans.load(p.id()), today));
        }
        return out;
    }

    private Readiness readiness(LoadedPlan l, LocalDate today) {
        PlanSnapshot p = l.plan();
        Set<String> series = new HashSet<>();
        for (PlanSnapshot r : plans.revisions(p.id())) {
            series.add(Long.toString(r.id()));
        }
        List<Exercise> exercises = Exercise.<Exercise>list("partner", p.partner()).stream()
                .filter(e -> series.contains(Long.toString(e.planId)))
                .toList();
        LocalDate since = today.minusMonths(EXERCISED_WITHIN_MONTHS);
        Set<String> covered = new HashSet<>();
        int open = 0;
        int overdue = 0;
        LocalDate lastHeld = null;
        LocalDate nextScheduled = null;
        for (Exercise e : exercises) {
            if (e.status == Exercise.Status.HELD) {
                if (!e.heldOn.isBefore(since) && !e.heldOn.isAfter(today)) {
                    covered.addAll(
                            Arrays.asList(json.read(e.activities == null ? "[]" : e.activities, String[].class)));
                }
                lastHeld = lastHeld == null || e.heldOn.isAfter(lastHeld) ? e.heldOn : lastHeld;
            } else if (!e.heldOn.isBefore(today)) {
                nextScheduled = nextScheduled == null || e.heldOn.isBefore(nextScheduled) ? e.heldOn : nextScheduled;
            }
            for (Action a : json.read(e.actions, Action[].class)) {
                if (a.status() == ActionStatus.OPEN) {
                    open++;
                    if (a.dueDate() != null && a.dueDate().isBefore(today)) {
                        overdue++;
                    }
                }
            }
        }
        List<String> tier1 = new ArrayList<>();
        List<String> notExercised = new ArrayList<>();
        for (EffectiveActivity a : l.effective().activities()) {
            if (a.tier() == 1) {
                tier1.add(a.key());
                if (!covered.contains(a.key())) {
                    notExercised.add(a.key());
                }
            }
        }
        int exercised = tier1.size() - notExercised.size();
        Integer percent = tier1.isEmpty() ? null : (int) Math.round(100.0 * exercised / tier1.size());
        Long days = p.approvedAt() == null
                ? null
                : ChronoUnit.DAYS.between(LocalDate.ofInstant(p.approvedAt(), Partnership.zone()), today);
        return new Readiness(
                p.id(),
                p.partner(),
                p.name(),
                p.revision(),
                p.status(),
                tier1.size(),
                exercised,
                percent,
                notExercised,
                open,
                overdue,
                copies.unacknowledged(p.id()),
                days,
                lastHeld,
                nextScheduled);
    }

    /** Open actions past their due date, oldest first. */
    public List<OverdueAction> overdueActions(String partner) {
        LocalDate today = today();
        List<Exercise> exercises = partner == null || partner.isBlank()
                ? Exercise.<Exercise>listAll()
                : Exercise.<Exercise>list("partner", partner.toUpperCase());
        List<OverdueAction> out = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (Exercise e : exercises) {
            for (Action a : json.read(e.actions, Action[].class)) {
                if (a.status() == ActionStatus.OPEN
                        && a.dueDate() != null
                        && a.dueDate().isBefore(today)) {
                    String plan = names.computeIfAbsent(
                            e.planId, id -> plans.snapshot(id).name());
                    out.add(new OverdueAction(
                            e.id,
                            e.planId,
                            plan,
                            e.partner,
                            e.heldOn,
                            a.description(),
                            a.owner(),
                            a.dueDate(),
                            ChronoUnit.DAYS.between(a.dueDate(), today)));
                }
            }
        }
        out.sort((x, y) -> x.dueDate().compareTo(y.dueDate()));
        return out;
    }
}
