package org.sharedict.rota.escalation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.escalation.Steps;
import org.sharedict.rota.escalation.engine.TimelineLine.Kind;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaPlans;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.Reason;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/**
 * Who one step's targets name when it fires. A target that names nobody adds a {@code NO_RECIPIENT}
 * line saying why, in words a manager reading the timeline understands.
 */
@ApplicationScoped
class StepTargets {

    /** The people and webhooks a step names; {@code forPeople} is whether any target is meant to reach a person. */
    record Named(Set<Long> persons, List<String> hooks, boolean forPeople) {}

    private final People people;
    private final RotaPlans rotas;
    private final CalendarService calendar;
    private final EscalatedIncidents incidents;

    @Inject
    StepTargets(People people, RotaPlans rotas, CalendarService calendar, EscalatedIncidents incidents) {
        this.people = people;
        this.rotas = rotas;
        this.calendar = calendar;
        this.incidents = incidents;
    }

    Named resolve(EscalatedIncident i, Steps.Step s, Instant now, int step, int pass, List<TimelineLine> lines) {
        Set<Long> persons = new LinkedHashSet<>();
        List<String> hooks = new ArrayList<>();
        boolean forPeople = false;
        for (Steps.Target t : s.targets()) {
            if (!t.pagedFor(i.severity())) {
                continue;
            }
            forPeople |= t.kind() != Steps.TargetKind.WEBHOOK;
            switch (t.kind()) {
                case ROTA_LAYER -> onCall(t, now, step, pass, lines, persons);
                case PERSON -> persons.add(t.personId());
                case PARTNER_MANAGER -> {
                    String partner = t.partner() == null ? i.partner() : t.partner();
                    List<Contact> managers = people.managersOf(partner);
                    if (managers.isEmpty()) {
                        lines.add(TimelineLine.of(
                                Kind.NO_RECIPIENT, "rota-service knows no manager of " + partner, step + 1, pass + 1));
                    }
                    managers.forEach(m -> persons.add(m.personId()));
                }
                case WEBHOOK -> hooks.add(t.url());
                case INCIDENT_OWNER, INCIDENT_RESPONDERS -> {
                    boolean owner = t.kind() == Steps.TargetKind.INCIDENT_OWNER;
                    List<EscalatedIncident.Named> named = incidents.named(i.id(), owner);
                    if (named.isEmpty()) {
                        lines.add(TimelineLine.of(
                                Kind.NO_RECIPIENT,
                                "the incident names no " + (owner ? "owner" : "responders"),
                                step + 1,
                                pass + 1));
                    }
                    named.forEach(n -> persons.add(n.personId()));
                }
            }
        }
        return new Named(persons, hooks, forPeople);
    }

    /**
     * Whoever holds the layer now. A layer whose every member is on leave names nobody: the
     * scheduled member stays on call in the rota's shifts, but paging someone on leave finds nobody.
     */
    private void onCall(Steps.Target t, Instant now, int step, int pass, List<TimelineLine> lines, Set<Long> persons) {
        RotaPlans.Skeleton r = rotas.skeleton(t.rotaId()).orElse(null);
        if (r == null) {
            lines.add(
                    TimelineLine.of(Kind.NO_RECIPIENT, "rota " + t.rotaId() + " no longer exists", step + 1, pass + 1));
            return;
        }
        Layer layer = t.layer();
        String where = "the " + layer + " layer of " + r.name();
        if (r.members(layer).isEmpty()) {
            lines.add(TimelineLine.of(
                    Kind.NO_RECIPIENT,
                    "nobody was on call for " + where + ": the layer has no members",
                    step + 1,
                    pass + 1));
            return;
        }
        RotaPlan plan = rotas.plan(r, now, now);
        Shift holder = Expander.at(plan, calendar.calendar(), layer, now).orElse(null);
        if (holder == null) {
            lines.add(TimelineLine.of(
                    Kind.NO_RECIPIENT,
                    "nobody was on call for " + where + ": the rota does not cover this time",
                    step + 1,
                    pass + 1));
            return;
        }
        if (holder.reason() != Reason.OVERRIDE && leaveOf(plan, holder.personId(), now) != null) {
            lines.add(TimelineLine.of(
                    Kind.NO_RECIPIENT,
                    "nobody was on call for " + where + ": " + everyoneAway(plan, layer, now),
                    step + 1,
                    pass + 1));
            return;
        }
        persons.add(holder.personId());
    }

    private String everyoneAway(RotaPlan plan, Layer layer, Instant now) {
        List<Long> members = plan.members(layer);
        Map<Long, Contact> known = people.find(members);
        List<String> away = new ArrayList<>();
        for (Long id : members) {
            RotaPlan.Leave l = leaveOf(plan, id, now);
            Contact c = known.get(id);
            String name = c == null ? "person " + id : c.name();
            away.add(l == null || l.reason() == null ? name : name + " (" + l.reason() + ")");
        }
        String who = members.size() == 1
                ? "its only member"
                : members.size() == 2 ? "both members" : "all " + members.size() + " members";
        return who + " on leave: " + String.join(", ", away);
    }

    private static RotaPlan.Leave leaveOf(RotaPlan plan, long personId, Instant at) {
        for (RotaPlan.Leave l : plan.leaves()) {
            if (l.personId() == personId && l.period().contains(at)) {
                return l;
            }
        }
        return null;
    }
}
