package org.sharedict.rota.escalation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.rotas.PolicyLinks;

/** Answers rotas' questions about policies; a policy's targets are rows (escalation_target), so a rota's question is one query. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RotaPolicyLinks implements PolicyLinks {

    @Override
    public boolean policyExists(long policyId) {
        return EscalationPolicy.count("id", policyId) > 0;
    }

    @Override
    public Optional<String> policyPaging(long rotaId) {
        return EscalationPolicy.getEntityManager()
                .createQuery(
                        "select p.name from EscalationPolicy p join p.targets t where t.rotaId = :rota order by p.id",
                        String.class)
                .setParameter("rota", rotaId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
