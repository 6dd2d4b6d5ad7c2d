package org.sharedict.rota.escalation;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.escalation.PolicyDtos.StepInput;
import org.sharedict.rota.escalation.PolicyDtos.TargetInput;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaLookup;
import org.sharedict.rota.schedule.Layer;

/**
 * A policy's steps as the API sends them, checked and turned into the steps stored: delays in range,
 * every rota, person and partner a target names known, webhook URLs well formed. All field errors
 * are reported at once.
 */
@ApplicationScoped
class PolicySteps {

    static final Duration MIN_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofHours(24);

    private final People people;
    private final Partners partnerCodes;
    private final RotaLookup rotas;

    PolicySteps(People people, Partners partnerCodes, RotaLookup rotas) {
        this.people = people;
        this.partnerCodes = partnerCodes;
        this.rotas = rotas;
    }

    List<Steps.Step> steps(List<StepInput> in, String partner) {
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
                    case INCIDENT_OWNER, INCIDENT_RESPONDERS ->
                        targets.add(new Steps.Target(t.kind(), null, null, null, null, null));
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
                if (t.minSeverity() != null) {
                    targets.set(
                            targets.size() - 1, targets.get(targets.size() - 1).withMinSeverity(t.minSeverity()));
                }
            }
            steps.add(new Steps.Step(d.toString(), d.getSeconds(), targets));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requirePartners(partner, steps);
        people.requireExisting(wanted);
        // Managers are looked up now so that paging them later needs no other service; the policy's own
        // partner's too, since a step that finds nobody falls through to them.
        if (partner != null) {
            managersOf.add(partner);
        }
        managersOf.forEach(people::refreshManagers);
        return steps;
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
}
