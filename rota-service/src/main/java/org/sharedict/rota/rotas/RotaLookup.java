package org.sharedict.rota.rotas;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What other features may ask about rotas, answered in plain values: the rota rows stay this feature's own. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RotaLookup {

    public boolean exists(long rotaId) {
        return Rota.count("id", rotaId) > 0;
    }

    public Optional<String> name(long rotaId) {
        return Rota.<Rota>findByIdOptional(rotaId).map(r -> r.name);
    }

    /** Whether a rota names this escalation policy as its default (the policy cannot be deleted then). */
    public boolean defaultPolicyInUse(long policyId) {
        return Rota.count("escalationPolicyId", policyId) > 0;
    }

    /** The default escalation policy of the first rota (lowest ID) covering the partner that names one. */
    public Optional<Long> defaultPolicyFor(String partner) {
        List<Long> ids = Rota.getEntityManager()
                .createQuery(
                        "select r.escalationPolicyId from Rota r join r.partners p where p = :partner and r.escalationPolicyId is not null order by r.id",
                        Long.class)
                .setParameter("partner", partner)
                .setMaxResults(1)
                .getResultList();
        return ids.stream().findFirst();
    }
}
