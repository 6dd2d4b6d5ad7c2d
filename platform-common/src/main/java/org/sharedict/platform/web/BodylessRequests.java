package org.sharedict.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request without a body has no media type. Where the JSON body is optional (the approval
 * note), a client that leaves the body out sends no Content-Type, or whatever its library puts
 * there by default, and must not be answered 415 for it; a body that is there still has to be JSON.
 */
public class BodylessRequests {

    @ServerRequestFilter(preMatching = true)
    public void noBodyNoMediaType(ContainerRequestContext request) {
        if (request.getLength() <= 0 && request.getHeaderString("Transfer-Encoding") == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
