package org.sharedict.rota.escalation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.escalation.PolicyDtos.PolicyInput;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;
import org.sharedict.rota.escalation.PolicyDtos.StepInput;
import org.sharedict.rota.escalation.PolicyDtos.StepView;
import org.sharedict.rota.escalation.PolicyDtos.TargetInput;
import org.sharedict.rota.escalation.PolicyDtos.TargetView;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaLookup;
import org.sharedict.rota.schedule.Layer;

/** Escalation policies: validation of their steps, who may edit them, audit. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PolicyService {

    static final Duration MIN_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofHours(24);

    @Inject
    Caller caller;

    @Inject
    Auditor audit;

    @Inject
    Clock clock;

    @Inject
    Json json;

    @Inject
    People people;

    @Inject
    Partners partnerCodes;

    @Inject
    RotaLookup rotas;

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

    public PolicyView create(PolicyInput in) {
        String partner = partner(in.partner());
        requireEditRights(partner);
        List<Steps.Step> steps = steps(in.steps(), partner);
        if (EscalationPolicy.count("name", in.name().trim()) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        EscalationPolicy p = new EscalationPolicy();
        p.name = in.name().trim();
        p.partner = partner;
        p.repeatCount = in.repeatCount() == null ? 0 : in.repeatCount();
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
        List<Steps.Step> steps = steps(in.steps(), partner);
        if (EscalationPolicy.count("name = ?1 and id <> ?2", in.name().trim(), id) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        String stored = json.write(new Steps.Stored(steps));
        int repeat = in.repeatCount() == null ? 0 : in.repeatCount();
        Changes changes = Changes.track()
                .field("name", p.name, in.name().trim())
                .field("partner", p.partner, partner)
                .field("repeatCount", p.repeatCount, repeat)
                .field("steps", p.steps, stored);
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

    public EscalationPolicy find(long id) {
        return EscalationPolicy.<EscalationPolicy>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Escalation policy", id));
    }

    public List<Steps.Step> stepsOf(EscalationPolicy p) {
        return json.read(p.steps, Steps.Stored.class).steps();
    }

    /** The policy's partner and every partner whose managers it pages must be skills-service's. */
    private void requirePartners(String partner, List<Steps.Step> steps) {
        List<Partners.Wanted> wanted = new ArrayList<>();
        wanted.add(new Partners.Wanted("partner", partner));
        for (int i = 0; i < steps.size(); i++) {
            List<Steps.Target> targets = steps.get(i).targets();
            for (int j = 0; j < targets.size(); j++) {
                if (targets.get(j).kind() == Steps.TargetKind.PARTNER_MANAGER) {
                    wanted.add(new Partners.Wanted(
                            "steps[" + i + "].targets[" + j + "].partner",
                            targets.get(j).partner()));
                }
            }
        }
        partnerCodes.requireExisting(wanted);
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

    static Duration delay(String field, String text) {
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 duration such as PT30S, PT5M or PT1H");
        }
        if (d.compareTo(MIN_DELAY) < 0 || d.compareTo(MAX_DELAY) > 0) {
            throw ProblemException.invalid(field, "must be between 1 second and 24 hours");
        }
        if (d.getNano() != 0) {
            throw ProblemException.invalid(field, "must be whole seconds");
        }
        return d;
    }

    private List<Steps.Step> steps(List<StepInput> in, String partner) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Steps.Step> steps = new ArrayList<>();
        List<People.Wanted> wanted = new ArrayList<>();
        Set<String> managersOf = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            StepInput s = in.get(i);
            Duration d = delay("steps[" + i + "].delay", s.delay());
            List<Steps.Target> targets = new ArrayList<>();
            for (int j = 0; j < s.targets().size(); j++) {
                TargetInput t = s.targets().get(j);
                String f = "steps[" + i + "].targets[" + j + "].";
                switch (t.kind()) {
                    case ROTA_LAYER -> {
                        if (t.rotaId() == null) {
                            errors.add(new Problem.FieldError(f + "rotaId", "is required for a ROTA_LAYER target"));
                        } else if (!rotas.exists(t.rotaId())) {
                            errors.add(new Problem.FieldError(f + "rotaId", "no rota has this ID", t.rotaId()));
                        }
                        targets.add(new Steps.Target(
                                t.kind(), t.rotaId(), t.layer() == null ? Layer.PRIMARY : t.layer(), null, null, null));
                    }
                    case PERSON -> {
                        if (t.personId() == null) {
                            errors.add(new Problem.FieldError(f + "personId", "is required for a PERSON target"));
                        } else {
                            wanted.add(new People.Wanted(f + "personId", t.personId()));
                        }
                        targets.add(new Steps.Target(t.kind(), null, null, t.personId(), null, null));
                    }
                    case PARTNER_MANAGER -> {
                        String p = t.partner() == null
                                ? partner
                                : t.partner().trim().toUpperCase(Locale.ROOT);
                        if (p != null) {
                            managersOf.add(p);
                        }
                        targets.add(new Steps.Target(t.kind(), null, null, null, p, null));
                    }
                    case WEBHOOK -> {
                        if (!validUrl(t.url())) {
                            errors.add(new Problem.FieldError(f + "url", "must be an http or https URL", t.url()));
                        }
                        targets.add(new Steps.Target(
                                t.kind(),
                                null,
                                null,
                                null,
                                null,
                                t.url() == null ? null : t.url().trim()));
                    }
                }
            }
            steps.add(new Steps.Step(d.toString(), d.getSeconds(), targets));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requirePartners(partner, steps);
        people.requireExisting(wanted);
        // Managers are looked up now so that paging them later needs no other service.
        managersOf.forEach(people::refreshManagers);
        return steps;
    }

    private static boolean validUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI u = URI.create(url.trim());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
                                        t.url());
                            })
                            .toList()));
        }
        return new PolicyView(p.id, p.name, p.partner, p.repeatCount, views, p.version, p.createdAt, p.updatedAt);
    }
}
