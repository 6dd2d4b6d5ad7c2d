package org.sharedict.gateway.platform;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address for rate limits and the audit. It is the TCP peer unless Quarkus' forwarded
 * handling is switched on for a trusted proxy in front (README, "Behind a reverse proxy"), in
 * which case Quarkus has already put the forwarded client address there.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        SocketAddress a = request.remoteAddress();
        if (a == null) {
            return "unknown";
        }
        String host = a.hostAddress();
        return host == null ? a.toString() : host;
    }
}
