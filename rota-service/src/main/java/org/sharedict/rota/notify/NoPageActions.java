package org.sharedict.rota.notify;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Pages carry no action links until a feature that signs them is present: then its bean wins over this one. */
@ApplicationScoped
@DefaultBean
public class NoPageActions implements PageActions {

    @Override
    public List<PageAction> forPage(long incidentId, long personId) {
        return List.of();
    }
}
