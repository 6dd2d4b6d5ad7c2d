package org.sharedict.rota.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.escalation.DefaultPolicies;
import org.sharedict.rota.escalation.PolicyDtos.DefaultView;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;
import org.sharedict.rota.escalation.PolicyDtos.StepView;
import org.sharedict.rota.escalation.PolicyDtos.TargetView;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.escalation.Steps.TargetKind;
import org.sharedict.rota.gaps.CoverGapDtos.CoverGap;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaLookup;
import org.sharedict.rota.rotas.RotaPlans;
import org.sharedict.rota.schedule.CoverGaps;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;

/**
 * A partner's cover gaps: the rota maths' own answer ({@link CoverGaps} over the plans the on-call
 * answer reads) plus the steps of the partner's escalation policies that page a layer with no members.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CoverGapService {

    private final RotaPlans plans;
    private final CalendarService calendar;
    private final PolicyService policies;
    private final DefaultPolicies defaults;
    private final People people;
    private final RotaLookup rotaLookup;

    CoverGapService(
            RotaPlans plans,
            CalendarService calendar,
            PolicyService policies,
            DefaultPolicies defaults,
            People people,
            RotaLookup rotaLookup) {
        this.rotaLookup = rotaLookup;
        this.plans = plans;
        this.calendar = calendar;
        this.policies = policies;
        this.defaults = defaults;
        this.people = people;
    }

    /** Every partner rota-service knows of: on a rota, with a default policy, or with managers in the snapshot. */
    public List<String> partners() {
        TreeSet<String> out = new TreeSet<>();
        plans.all().forEach(r -> out.addAll(r.partners()));
        defaults.defaults().forEach(d -> out.add(d.partner()));
        out.addAll(people.partnersWithManagers());
        return List.copyOf(out);
    }

    /** The gaps of one partner meeting [from, to), clipped to it, in order of start. */
    public List<CoverGap> gaps(String partner, Instant from, Instant to) {
        OutOfHoursCalendar cal = calendar.calendar();
        List<RotaPlans.Skeleton> covering = plans.covering(partner);
        Map<Long, RotaPlans.Skeleton> rotas = new HashMap<>();
        List<RotaPlan> plansOf = new ArrayList<>();
        for (RotaPlans.Skeleton r : covering) {
            rotas.put(r.id(), r);
            plansOf.add(plans.plan(r, from, to));
        }
        List<CoverGap> out = new ArrayList<>();
        for (CoverGaps.Gap g : CoverGaps.find(plansOf, cal, from, to)) {
            RotaPlans.Skeleton r = g.rotaId() == null ? null : rotas.get(g.rotaId());
            out.add(new CoverGap(
                    g.kind(),
                    g.start(),
                    g.end(),
                    g.rotaId(),
                    r == null ? null : r.name(),
                    g.layer(),
                    null,
                    null,
                    null,
                    detail(g, r, partner)));
        }
        for (PolicyView p : policiesOf(partner)) {
            for (StepView step : p.steps()) {
                for (TargetView t : step.targets()) {
                    if (t.kind() != TargetKind.ROTA_LAYER || t.rotaId() == null) {
                        continue;
                    }
                    Optional<RotaPlans.Skeleton> r =
                            Optional.ofNullable(rotas.get(t.rotaId())).or(() -> plans.skeleton(t.rotaId()));
                    Layer layer = t.layer() == null ? Layer.PRIMARY : t.layer();
                    if (r.isPresent() && r.get().members(layer).isEmpty()) {
                        out.add(new CoverGap(
                                CoverGaps.Kind.POLICY_STEP_EMPTY_LAYER,
                                from,
                                to,
                                r.get().id(),
                                r.get().name(),
                                layer,
                                p.id(),
                                p.name(),
                                step.number(),
                                "Step " + step.number() + " of \"" + p.name() + "\" pages the " + words(layer)
                                        + " layer of \"" + r.get().name() + "\", which has no members"));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(CoverGap::start).thenComparing(CoverGap::reason));
        return out;
    }

    /** The policy the partner's incidents follow when they name none, and the partner's own policies. */
    private List<PolicyView> policiesOf(String partner) {
        Map<Long, PolicyView> out = new LinkedHashMap<>();
        // DefaultPolicies.choose's order, without its 422: a failure inside the mail's transaction would
        // mark it for rollback. With no default, incidents of the partner are refused, so no step pages nobody.
        defaults.defaults().stream()
                .filter(d -> d.partner().equals(partner))
                .map(DefaultView::policyId)
                .findFirst()
                .or(() -> rotaLookup.defaultPolicyFor(partner))
                .flatMap(policies::get)
                .ifPresent(p -> out.put(p.id(), p));
        policies.list(partner).forEach(p -> out.putIfAbsent(p.id(), p));
        return List.copyOf(out.values());
    }

    private static String detail(CoverGaps.Gap g, RotaPlans.Skeleton r, String partner) {
        String rota = r == null ? "" : "\"" + r.name() + "\"";
        return switch (g.kind()) {
            case ROTA_NO_MEMBERS -> "Rota " + rota + " covers " + partner + " but has nobody on its primary layer";
            case LAYER_ON_LEAVE ->
                "Every member of the " + words(g.layer()) + " layer of " + rota
                        + " is on leave; the scheduled member stays on call";
            case NOT_COVERED -> "No rota covering " + partner + " has anyone on call";
            case POLICY_STEP_EMPTY_LAYER -> "An escalation step pages a layer with no members";
        };
    }

    private static String words(Layer layer) {
        return layer.name().toLowerCase(Locale.ROOT);
    }
}
