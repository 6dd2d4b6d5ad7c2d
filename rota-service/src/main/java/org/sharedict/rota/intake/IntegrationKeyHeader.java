package org.sharedict.rota.intake;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Alertmanager (http_config.authorization) and Grafana send the integration key as
 * {@code Authorization: Bearer rik_...}. Left there, the JWT check would read it as a broken token
 * and answer 401; moved to {@link #HEADER} before anything authenticates, the intake reads it instead.
 */
@Singleton
public class IntegrationKeyHeader {

    static final String HEADER = "X-Integration-Key";

    void install(@Observes Router router) {
        router.route("/api/intake/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            ctx.request().headers().remove(HEADER);
            String authorization = ctx.request().getHeader("Authorization");
            if (authorization != null
                    && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && authorization.substring(7).trim().startsWith(KeySecrets.INTEGRATION + "_")) {
                ctx.request().headers().set(HEADER, authorization.substring(7).trim());
                ctx.request().headers().remove("Authorization");
            }
            ctx.next();
        });
    }
}
