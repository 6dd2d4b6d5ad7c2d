package org.sharedict.platform.remote;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Forwards the caller's own token on a call to another service, so that service applies its rules
 * to the same user (defence in depth: no service trusts another's word for who is asking). Register
 * it on a REST client interface with {@code @RegisterProvider(CallerToken.class)}; the client's
 * methods then take no authorization parameter. Outside a request (a scheduled job) or without a
 * token, nothing is added and the other service answers 401, which the caller's wrapper treats as
 * "cannot check now".
 */
public class CallerToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        String raw = current();
        if (raw != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        }
    }

    /** The raw token of the request being served, or null outside a request or without one. */
    static String current() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        try (InstanceHandle<JsonWebToken> jwt = arc.instance(JsonWebToken.class)) {
            return jwt.isAvailable() ? jwt.get().getRawToken() : null;
        }
    }
}
