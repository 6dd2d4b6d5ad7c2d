package org.sharedict.rota.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.escalation.PolicyDtos.DefaultView;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaLookup;

/** Each partner's default policy, and which policy a new incident follows. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DefaultPolicies {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final People people;
    private final Partners partnerCodes;
    private final RotaLookup rotas;

    @Inject
    DefaultPolicies(Caller caller, Auditor audit, Clock clock, People people, Partners partnerCodes, RotaLookup rotas) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.partnerCodes = partnerCodes;
        this.rotas = rotas;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DefaultView> defaults() {
        return PartnerPolicy.<PartnerPolicy>list("order by partner").stream()
                .map(this::defaultView)
                .toList();
    }

    public DefaultView setDefault(String partner, long policyId) {
        caller.requireEditRightsFor(partner, Roles.MANAGER);
        EscalationPolicy p = EscalationPolicy.findById(policyId);
        if (p == null) {
            throw ProblemException.invalid("policyId", "no escalation policy has this ID");
        }
        partnerCodes.requireKnown(partner);
        PartnerPolicy d = PartnerPolicy.findById(partner);
        Long before = d == null ? null : d.policyId;
        if (d == null) {
            d = new PartnerPolicy();
            d.partner = partner;
        }
        d.policyId = policyId;
        d.updatedAt = Instant.now(clock);
        d.updatedBy = caller.username();
        d.persistAndFlush();
        // Its incidents may page the partner's managers: know them now, while skills-service can be asked.
        people.refreshManagers(partner);
        audit.record(
                "SET_DEFAULT",
                "partner-policy",
                partner,
                partner,
                Map.of("policyId", Map.of("from", String.valueOf(before), "to", policyId)));
        return defaultView(d);
    }

    /** The policy an incident follows, by ID and name. */
    public record Chosen(long id, String name) {}

    /**
     * The policy a new incident of {@code partner} follows: the one it names, else the partner's
     * default, else the default of the first rota covering the partner; 422 when none applies.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Chosen choose(String partner, Long policyId) {
        if (policyId != null) {
            EscalationPolicy p = EscalationPolicy.findById(policyId);
            if (p == null) {
                throw ProblemException.invalid("policyId", "no escalation policy has this ID");
            }
            return new Chosen(p.id, p.name);
        }
        PartnerPolicy d = PartnerPolicy.findById(partner);
        Optional<Long> id = d != null ? Optional.of(d.policyId) : rotas.defaultPolicyFor(partner);
        if (id.isPresent()) {
            EscalationPolicy p = EscalationPolicy.findById(id.get());
            return new Chosen(p.id, p.name);
        }
        throw ProblemException.unprocessable(
                "no-escalation-policy",
                "No escalation policy",
                "No escalation policy applies to " + partner + ": name one (policyId), or set the partner's default "
                        + "(PUT /api/escalation-policies/defaults/" + partner + ") or a default on a rota covering it");
    }

    /**
     * The policy a call-out of {@code partner} follows when it names none: the partner's own
     * call-out policy, else a partnership-wide one (the DR call-out of V18), else the usual choice.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Chosen chooseCallOut(String partner) {
        EscalationPolicy p = EscalationPolicy.<EscalationPolicy>find(
                        "callOut = true and partner = ?1 order by id", partner)
                .firstResult();
        if (p == null) {
            p = EscalationPolicy.<EscalationPolicy>find("callOut = true and partner is null order by id")
                    .firstResult();
        }
        return p == null ? choose(partner, null) : new Chosen(p.id, p.name);
    }

    private DefaultView defaultView(PartnerPolicy d) {
        EscalationPolicy p = EscalationPolicy.findById(d.policyId);
        return new DefaultView(d.partner, d.policyId, p == null ? null : p.name, d.updatedAt, d.updatedBy);
    }
}
