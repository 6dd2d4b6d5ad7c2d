package org.sharedict.rota.actions;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.rota.notify.PageActions;
import org.sharedict.rota.platform.RotaConfig;

/** Signed one-click links for a page: acknowledge, escalate now, resolve, each to the confirmation page at the public address. */
@ApplicationScoped
public class SignedPageActions implements PageActions {

    /** Where the links lead, under the public address (the gateway routes it without a session). */
    public static final String PATH = "/api/incidents/actions/";

    private final ActionKey key;
    private final RotaConfig config;

    @Inject
    SignedPageActions(ActionKey key, RotaConfig config) {
        this.key = key;
        this.config = config;
    }

    @Override
    public List<PageAction> forPage(long incidentId, long personId) {
        String base = config.publicUrl().replaceAll("/+$", "");
        return Arrays.stream(ActionKind.values())
                .map(a -> new PageAction(
                        a.word(),
                        a.label(),
                        URI.create(base + PATH + key.tokens().issue(incidentId, personId, a))))
                .toList();
    }
}
