package org.sharedict.rota.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.contacts.Urgency;
import org.sharedict.rota.escalation.PolicyDtos.PolicyInput;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;
import org.sharedict.rota.escalation.PolicyDtos.StepView;
import org.sharedict.rota.escalation.PolicyDtos.TargetView;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaLookup;

/** Escalation policies: who may edit them, storing their steps (checked by {@link PolicySteps}), audit. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PolicyService {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;
    private final People people;
    private final RotaLookup rotas;
    private final PolicySteps stepInput;

    PolicyService(
            Caller caller,
            Auditor audit,
            Clock clock,
            Json json,
            People people,
            RotaLookup rotas,
            PolicySteps stepInput) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.people = people;
        this.rotas = rotas;
        this.stepInput = stepInput;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyView> list(String partner) {
        List<EscalationPolicy> list = partner == null
                ? EscalationPolicy.list("order by name, id")
                : EscalationPolicy.list("partner = ?1 order by name, id", partner);
        return list.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyView> get(long id) {
        return EscalationPolicy.<EscalationPolicy>findByIdOptional(id).map(this::view);
    }

    /** Whether the policy exists, without building its view (steps, people and rota names): asked on every alert. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long id) {
        return EscalationPolicy.findById(id) != null;
    }

    public PolicyView create(PolicyInput in) {
        String partner = partner(in.partner());
        requireEditRights(partner);
        List<Steps.Step> steps = stepInput.steps(in.steps(), partner);
        if (EscalationPolicy.count("name", in.name().trim()) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        EscalationPolicy p = new EscalationPolicy();
        p.name = in.name().trim();
        p.partner = partner;
        p.repeatCount = in.repeatCount() == null ? 0 : in.repeatCount();
        p.highUrgency = highUrgency(in.highUrgency());
        p.lowUrgencyWaits = in.lowUrgencyWaits() == null || in.lowUrgencyWaits();
        p.callOut = Boolean.TRUE.equals(in.callOut());
        p.setSteps(json.write(new Steps.Stored(steps)), steps);
        p.createdAt = p.updatedAt = Instant.now(clock);
        p.persistAndFlush();
        PolicyView v = view(p);
        audit.created("escalation-policy", p.id, partner, v);
        return v;
    }

    public PolicyView update(long id, PolicyInput in, String ifMatch) {
        EscalationPolicy p = find(id);
        requireEditRights(p.partner);
        ETags.requireMatch(p, ifMatch, in.version());
        String partner = partner(in.partner());
        requireEditRights(partner);
        List<Steps.Step> steps = stepInput.steps(in.steps(), partner);
        if (EscalationPolicy.count("name = ?1 and id <> ?2", in.name().trim(), id) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        String stored = json.write(new Steps.Stored(steps));
        int repeat = in.repeatCount() == null ? 0 : in.repeatCount();
        // Left out of the body, the urgency settings stay as they are (older clients do not know them).
        String high = in.highUrgency() == null ? p.highUrgency : highUrgency(in.highUrgency());
        boolean waits = in.lowUrgencyWaits() == null ? p.lowUrgencyWaits : in.lowUrgencyWaits();
        boolean callOut = in.callOut() == null ? p.callOut : in.callOut();
        Changes changes = Changes.track()
                .field("name", p.name, in.name().trim())
                .field("partner", p.partner, partner)
                .field("repeatCount", p.repeatCount, repeat)
                .field("steps", p.steps, stored)
                .field("highUrgency", p.highUrgency, high)
                .field("lowUrgencyWaits", p.lowUrgencyWaits, waits)
                .field("callOut", p.callOut, callOut);
        p.callOut = callOut;
        p.highUrgency = high;
        p.lowUrgencyWaits = waits;
        p.name = in.name().trim();
        p.partner = partner;
        p.repeatCount = repeat;
        if (!stored.equals(p.steps)) {
            p.setSteps(stored, steps);
        }
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        p.flush();
        audit.updated("escalation-policy", p.id, partner, changes);
        return view(p);
    }

    public void delete(long id) {
        EscalationPolicy p = find(id);
        requireEditRights(p.partner);
        if (PartnerPolicy.count("policyId", id) > 0 || rotas.defaultPolicyInUse(id)) {
            throw ProblemException.conflict(
                    "Policy " + id + " is a partner's or a rota's default; choose another default first");
        }
        PolicyView last = view(p);
        p.delete();
        audit.deleted("escalation-policy", id, p.partner, last);
    }

    /** The urgency a policy gives a severity (no policy: the default, CRITICAL and HIGH are high urgency). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Urgency urgency(Long policyId, String severity) {
        EscalationPolicy p = policyId == null ? null : EscalationPolicy.findById(policyId);
        String high = p == null ? EscalationPolicy.DEFAULT_HIGH_URGENCY : p.highUrgency;
        return List.of(high.split(",")).contains(severity) ? Urgency.HIGH : Urgency.LOW;
    }

    /** Stored in severity order, most severe first, so the same set is always the same text. */
    private static String highUrgency(List<String> in) {
        if (in == null) {
            return EscalationPolicy.DEFAULT_HIGH_URGENCY;
        }
        return String.join(
                ",",
                Stream.of("CRITICAL", "HIGH", "MEDIUM", "LOW")
                        .filter(in::contains)
                        .toList());
    }

    public EscalationPolicy find(long id) {
        return EscalationPolicy.<EscalationPolicy>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Escalation policy", id));
    }

    public List<Steps.Step> stepsOf(EscalationPolicy p) {
        return json.read(p.steps, Steps.Stored.class).steps();
    }

    /** Partnership-wide policies are for admins; a partner's for its managers too. */
    private void requireEditRights(String partner) {
        if (partner == null) {
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden(
                        "Only admins edit partnership-wide policies; managers name their partner");
            }
            return;
        }
        caller.requireEditRightsFor(partner, Roles.MANAGER);
    }

    private static String partner(String p) {
        return p == null || p.isBlank() ? null : p.trim().toUpperCase(Locale.ROOT);
    }

    PolicyView view(EscalationPolicy p) {
        List<Steps.Step> steps = stepsOf(p);
        Set<Long> ids = new HashSet<>();
        steps.forEach(s -> s.targets().forEach(t -> {
            if (t.personId() != null) {
                ids.add(t.personId());
            }
        }));
        Map<Long, Contact> known = people.find(ids);
        List<StepView> views = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Steps.Step s = steps.get(i);
            views.add(new StepView(
                    i + 1,
                    s.delay(),
                    s.delaySeconds(),
                    s.targets().stream()
                            .map(t -> {
                                String rotaName = t.rotaId() == null
                                        ? null
                                        : rotas.name(t.rotaId()).orElse(null);
                                Contact ps = t.personId() == null ? null : known.get(t.personId());
                                return new TargetView(
                                        t.kind(),
                                        t.rotaId(),
                                        rotaName,
                                        t.layer(),
                                        t.personId(),
                                        ps == null ? null : ps.name(),
                                        t.partner(),
                                        t.url(),
                                        t.minSeverity());
                            })
                            .toList()));
        }
        return new PolicyView(
                p.id,
                p.name,
                p.partner,
                p.repeatCount,
                views,
                p.version,
                p.createdAt,
                p.updatedAt,
                List.of(p.highUrgency.split(",")),
                p.lowUrgencyWaits,
                p.callOut);
    }
}
