package org.sharedict.dr.invocations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.dr.plans.PlanDtos.Activation;
import org.sharedict.dr.plans.PlanDtos.Criterion;
import org.sharedict.dr.plans.PlanDtos.Invoker;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * Who may invoke a plan and on what grounds. A plan that names who may invoke it is invoked by
 * those people (by username) and holders of those roles at its partner, and nobody else — not
 * even an admin unless the plan names the role {@code admin}: in a disaster the question "who
 * decided this?" must have one answer. A plan that names nobody keeps the default: its partner's
 * DR leads and managers, and admins. Whoever is refused is told who may.
 */
@ApplicationScoped
public class ActivationRules {

    private final Caller caller;

    public ActivationRules(Caller caller) {
        this.caller = caller;
    }

    public void requireMayInvoke(String partner, Activation activation) {
        if (activation.mayInvoke().isEmpty()) {
            try {
                caller.requireEditRightsFor(partner, Roles.DR_LEAD, Roles.MANAGER);
            } catch (ProblemException e) {
                throw refused(List.of(
                        Map.of("role", Roles.DR_LEAD, "name", "DR leads of " + partner),
                        Map.of("role", Roles.MANAGER, "name", "managers of " + partner),
                        Map.of("role", Roles.ADMIN, "name", "partnership admins")));
            }
            return;
        }
        for (Invoker i : activation.mayInvoke()) {
            if (i.username() != null && !i.username().isBlank()
                    ? i.username().trim().equalsIgnoreCase(caller.username())
                    : i.role().equals(Roles.ADMIN)
                            ? caller.isAdmin()
                            : caller.hasRole(i.role())
                                    && caller.partner()
                                            .map(partner::equalsIgnoreCase)
                                            .orElse(false)) {
                return;
            }
        }
        List<Map<String, String>> who = new ArrayList<>();
        for (Invoker i : activation.mayInvoke()) {
            who.add(
                    i.username() != null && !i.username().isBlank()
                            ? Map.of("username", i.username(), "name", i.name())
                            : Map.of("role", i.role(), "name", i.name()));
        }
        throw refused(who);
    }

    private static ProblemException refused(List<Map<String, String>> who) {
        List<String> names = who.stream().map(w -> w.get("name")).toList();
        return ProblemException.forbidden("Only these may invoke this plan: " + String.join("; ", names))
                .with("mayInvoke", who);
    }

    /**
     * The criterion the person invoking names. Required when the plan has criteria (an invocation
     * must say which was met); refused when it has none to name.
     */
    public Criterion criterionMet(Activation activation, String key) {
        boolean named = key != null && !key.isBlank();
        if (activation.criteria().isEmpty()) {
            if (named) {
                throw ProblemException.invalid("criterion", "this plan has no activation criteria to name");
            }
            return null;
        }
        List<String> keys = activation.criteria().stream().map(Criterion::key).toList();
        if (!named) {
            throw ProblemException.invalid(
                    "criterion", "say which activation criterion is met: one of " + String.join(", ", keys));
        }
        return activation.criteria().stream()
                .filter(c -> c.key().equals(key.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(
                        "criterion",
                        "is not one of this plan's activation criteria (" + String.join(", ", keys) + ")"));
    }
}
