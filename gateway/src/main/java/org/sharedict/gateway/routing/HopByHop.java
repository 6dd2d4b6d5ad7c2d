package org.sharedict.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.MultiMap;

/**
 * Hop-by-hop headers (RFC 9110, section 7.6.1) describe one connection, not the message, so a proxy
 * must not pass them on: the fixed list, and any header the Connection header names.
 */
final class HopByHop {

    static final List<String> FIXED = List.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private HopByHop() {}

    /** The headers the Connection header names (other than the fixed ones, which go anyway). */
    static Set<String> named(MultiMap headers) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : headers.getAll("connection")) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !name.equalsIgnoreCase("close") && !name.equalsIgnoreCase("keep-alive")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Removes from a response every hop-by-hop header except Transfer-Encoding, which the proxy itself handles. */
    static void stripResponse(MultiMap headers) {
        for (String name : named(headers)) {
            headers.remove(name);
        }
        for (String name : FIXED) {
            if (!name.equals("transfer-encoding")) {
                headers.remove(name);
            }
        }
    }
}
