package org.sharedict.rota.escalation;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.people.ManagersWanted;

/** A partner with a default policy may be paged through its managers: people keeps them known. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultPolicyManagers implements ManagersWanted {

    @Override
    public Collection<String> partners() {
        return PartnerPolicy.getEntityManager()
                .createQuery("select d.partner from PartnerPolicy d", String.class)
                .getResultList();
    }
}
