package org.sharedict.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;
import org.jboss.logging.MDC;

/**
 * Every request carries an {@code X-Request-Id}: the caller's (usually the gateway's) when it is
 * sane, a new one otherwise. It is echoed on the response, put in the logging MDC as
 * {@code requestId}, and copied onto calls to other services by {@link RequestIdClientFilter}.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = ctx.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            MDC.put(MDC_KEY, id);
            ctx.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** The current request's ID, or null outside a request (scheduled jobs). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
