package org.sharedict.rota.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.contacts.ContactDtos.RuleInput;
import org.sharedict.rota.contacts.ContactDtos.RuleView;
import org.sharedict.rota.contacts.ContactDtos.RulesInput;
import org.sharedict.rota.contacts.ContactDtos.RulesView;
import org.sharedict.rota.notify.Notification;

/**
 * Personal notification rules per urgency, and the plan a page follows for one person. Without
 * rules of their own a person gets the defaults: high urgency, every verified method at once and a
 * call 3 minutes later; low urgency, verified e-mail at once. Only verified methods are ever used.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Rules {

    static final int DEFAULT_VOICE_DELAY_MINUTES = 3;
    static final String FALLBACK =
            "With no verified method in these rules, pages go by e-mail to the address skills-service holds, and the incident's timeline says so.";

    private final ContactMethods methods;

    Rules(ContactMethods methods) {
        this.methods = methods;
    }

    /** One way a page reaches a person: through this channel to this address, this long after the page starts. */
    public record Route(Notification.Channel channel, String address, Long methodId, Duration after, String label) {}

    /** How to reach the person for a page of this urgency; empty when none of their rules names a verified method. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Route> plan(long personId, Urgency urgency) {
        List<Route> routes = new ArrayList<>();
        for (RuleView r : rules(personId, urgency)) {
            if (r.verified()) {
                routes.add(new Route(
                        r.kind().channel,
                        r.address(),
                        r.methodId(),
                        Duration.ofMinutes(r.delayMinutes()),
                        r.label() == null ? r.kind().name().toLowerCase() : r.label()));
            }
        }
        return routes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RulesView view(long personId) {
        methods.requireKeeper(personId);
        List<RuleView> high = rules(personId, Urgency.HIGH);
        List<RuleView> low = rules(personId, Urgency.LOW);
        return new RulesView(
                personId,
                high,
                NotificationRule.count("personId = ?1 and urgency = ?2", personId, Urgency.HIGH) == 0,
                low,
                NotificationRule.count("personId = ?1 and urgency = ?2", personId, Urgency.LOW) == 0,
                FALLBACK);
    }

    /** Replaces the person's rules (an empty list restores that urgency's defaults). */
    public RulesView replace(long personId, RulesInput in) {
        methods.requireKeeper(personId);
        Map<Long, ContactMethod> mine = new HashMap<>();
        ContactMethod.<ContactMethod>list("personId", personId).forEach(m -> mine.put(m.id, m));
        List<Problem.FieldError> errors = new ArrayList<>();
        check("high", in.high(), mine, errors);
        check("low", in.low(), mine, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        NotificationRule.delete("personId", personId);
        store(personId, Urgency.HIGH, in.high());
        store(personId, Urgency.LOW, in.low());
        NotificationRule.flush();
        return view(personId);
    }

    private static void check(
            String field, List<RuleInput> rules, Map<Long, ContactMethod> mine, List<Problem.FieldError> errors) {
        for (int i = 0; i < rules.size(); i++) {
            if (!mine.containsKey(rules.get(i).methodId())) {
                errors.add(new Problem.FieldError(
                        field + "[" + i + "].methodId",
                        "is not one of this person's contact methods",
                        rules.get(i).methodId()));
            }
        }
    }

    private static void store(long personId, Urgency urgency, List<RuleInput> rules) {
        for (RuleInput r : rules) {
            NotificationRule n = new NotificationRule();
            n.personId = personId;
            n.urgency = urgency;
            n.methodId = r.methodId();
            n.delayMinutes = r.delayMinutes();
            n.persist();
        }
    }

    private List<RuleView> rules(long personId, Urgency urgency) {
        List<ContactMethod> all = ContactMethod.list("personId = ?1 order by id", personId);
        Map<Long, ContactMethod> byId = new HashMap<>();
        all.forEach(m -> byId.put(m.id, m));
        List<NotificationRule> own =
                NotificationRule.list("personId = ?1 and urgency = ?2 order by delayMinutes, id", personId, urgency);
        List<RuleView> out = new ArrayList<>();
        if (!own.isEmpty()) {
            for (NotificationRule r : own) {
                ContactMethod m = byId.get(r.methodId);
                if (m != null) {
                    out.add(view(m, r.delayMinutes));
                }
            }
            return out;
        }
        for (ContactMethod m : all) {
            if (m.verifiedAt == null) {
                continue;
            }
            if (urgency == Urgency.HIGH) {
                out.add(view(m, m.kind == MethodKind.VOICE ? DEFAULT_VOICE_DELAY_MINUTES : 0));
            } else if (m.kind == MethodKind.EMAIL) {
                out.add(view(m, 0));
            }
        }
        out.sort((a, b) -> Integer.compare(a.delayMinutes(), b.delayMinutes()));
        return out;
    }

    private static RuleView view(ContactMethod m, int delay) {
        return new RuleView(m.id, m.kind, m.address, m.label, m.verifiedAt != null, delay);
    }
}
