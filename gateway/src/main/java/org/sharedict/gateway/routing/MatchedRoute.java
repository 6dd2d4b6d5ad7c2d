package org.sharedict.gateway.routing;

import io.vertx.ext.web.RoutingContext;

/**
 * What a request to /api was matched to, once, at the edge: its normalised path (what the service
 * sees), the service that answers it (null: the gateway's own endpoints), whether it needs no token,
 * and whether it is a sign-in attempt (its own rate limit). Kept on the routing context, where the
 * guard and the proxy read it instead of interpreting the path again.
 */
public record MatchedRoute(String path, RouteTable.Target target, boolean isPublic, boolean isSignIn) {

    static final String KEY = "sharedict.route";

    /** The route {@link GatewayRouter} matched for this request. */
    public static MatchedRoute of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    public boolean isOwn() {
        return target == null;
    }
}
