package org.sharedict.rota.gaps;

import java.util.Collection;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.rota.people.ManagersWanted;
import org.sharedict.rota.rotas.RotaPlans;

/** Every partner on a rota may have cover gaps to be told of: people keeps their managers known. */
@ApplicationScoped
public class GapManagers implements ManagersWanted {

    private final RotaPlans plans;

    GapManagers(RotaPlans plans) {
        this.plans = plans;
    }

    @Override
    public Collection<String> partners() {
        TreeSet<String> out = new TreeSet<>();
        plans.all().forEach(r -> out.addAll(r.partners()));
        return out;
    }
}
