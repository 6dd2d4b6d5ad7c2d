package org.sharedict.dr.invocations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sharedict.dr.invocations.InvocationDtos.CallOutPerson;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.PlanDtos.Owner;
import org.sharedict.dr.plans.PlanSnapshot;

/**
 * Whom a call-out names: the plan's owner, and the owners of its first-wave steps — the steps of
 * the activities that depend on nothing, which start the moment the plan is invoked. A step names
 * an owner role; the plan's owners list says who holds it and by which skills-service person, which
 * is what rota-service pages. Anyone it cannot page is listed with the reason, never left out.
 */
final class CallTree {

    static final String OWNER = "OWNER";
    static final String RESPONDER = "RESPONDER";
    private static final int WHY_MAX = 300;

    private CallTree() {}

    static List<CallOutPerson> of(LoadedPlan plan) {
        List<Owner> owners = plan.specifics().owners();
        List<CallOutPerson> out = new ArrayList<>();
        PlanSnapshot p = plan.plan();
        if (p.ownerName() != null && !p.ownerName().isBlank()) {
            Optional<Owner> match = owners.stream()
                    .filter(o -> o.personId() != null)
                    .filter(o -> p.ownerEmail() != null && p.ownerEmail().equalsIgnoreCase(o.email())
                            || o.name().trim().equalsIgnoreCase(p.ownerName().trim()))
                    .findFirst();
            out.add(new CallOutPerson(
                    OWNER,
                    p.ownerName().trim(),
                    match.map(Owner::personId).orElse(null),
                    "owner of the plan",
                    match.isPresent()
                            ? null
                            : "not paged: the plan's owners list gives no skills-service person for its owner"));
        }
        Map<String, List<String>> stepsByRole = new LinkedHashMap<>();
        Map<String, String> roleWords = new LinkedHashMap<>();
        for (EffectiveActivity a : plan.effective().activities()) {
            if (!a.dependsOn().isEmpty()) {
                continue;
            }
            for (EffectiveStep s : a.steps()) {
                if (s.ownerRole() == null || s.ownerRole().isBlank()) {
                    continue;
                }
                String role = s.ownerRole().trim().toLowerCase(Locale.ROOT);
                roleWords.putIfAbsent(role, s.ownerRole().trim());
                stepsByRole.computeIfAbsent(role, k -> new ArrayList<>()).add("'" + s.title() + "' (" + a.name() + ")");
            }
        }
        Map<Long, CallOutPerson> byPerson = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : stepsByRole.entrySet()) {
            String why =
                    "owns first-wave step" + (e.getValue().size() == 1 ? " " : "s ") + String.join(", ", e.getValue());
            Optional<Owner> owner = owners.stream()
                    .filter(o -> o.role().trim().equalsIgnoreCase(e.getKey()))
                    .findFirst();
            if (owner.isEmpty()) {
                out.add(new CallOutPerson(
                        RESPONDER,
                        roleWords.get(e.getKey()),
                        null,
                        shorten(why),
                        "not paged: nobody holds the role " + roleWords.get(e.getKey())
                                + " in the plan's owners list"));
            } else if (owner.get().personId() == null) {
                out.add(new CallOutPerson(
                        RESPONDER,
                        owner.get().name(),
                        null,
                        shorten(why),
                        "not paged: the plan's owners list gives no skills-service person for them"));
            } else {
                long id = owner.get().personId();
                CallOutPerson before = byPerson.get(id);
                byPerson.put(
                        id,
                        new CallOutPerson(
                                RESPONDER,
                                owner.get().name(),
                                id,
                                shorten(before == null ? why : before.why() + "; " + why),
                                null));
            }
        }
        int paged = 0;
        for (CallOutPerson r : byPerson.values()) {
            out.add(
                    ++paged <= CallOutService.MAX_RESPONDERS
                            ? r
                            : new CallOutPerson(
                                    r.role(),
                                    r.name(),
                                    r.personId(),
                                    r.why(),
                                    "not paged: a call-out pages at most " + CallOutService.MAX_RESPONDERS
                                            + " first-wave owners"));
        }
        return out;
    }

    private static String shorten(String why) {
        return why.length() <= WHY_MAX ? why : why.substring(0, WHY_MAX - 1) + "…";
    }
}
