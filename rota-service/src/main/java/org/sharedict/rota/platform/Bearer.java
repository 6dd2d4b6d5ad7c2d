package org.sharedict.rota.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own token, forwarded on calls to skills-service so it applies its rules to the same user. */
@RequestScoped
public class Bearer {

    @Inject
    JsonWebToken jwt;

    public String header() {
        String raw = jwt == null ? null : jwt.getRawToken();
        return raw == null ? null : "Bearer " + raw;
    }
}
