package org.sharedict.platform.web;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request without a body has no media type. A client that leaves the body out sends no
 * Content-Type, or whatever its library puts there by default, and must not be answered 415 for
 * that: where the JSON body is optional (the approval note) the request goes through, and where it
 * is required the answer is the 400 that says so ({@link JsonBodies}). A media type the client chose
 * on purpose (an empty CSV file) is left as sent; a body that is there still has to be JSON.
 */
public class BodylessRequests {

    private static final Set<String> LIBRARY_DEFAULTS =
            Set.of("text/plain", "application/octet-stream", "application/x-www-form-urlencoded");

    @ServerRequestFilter(preMatching = true)
    public void noBodyNoMediaType(ContainerRequestContext request) {
        if (request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null) {
            return;
        }
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (sent == null || LIBRARY_DEFAULTS.contains(sent.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
