package org.sharedict.gateway.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.sharedict.platform.problem.ProblemMappers;

/** The gateway's additions to platform-common's problem mappers. */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response retryLater(TooManyRequests e, UriInfo uri) {
        Response r = ProblemMappers.respond(e.problem(), uri);
        Response.ResponseBuilder b =
                Response.fromResponse(r).header("Retry-After", Long.toString(e.retryAfterSeconds()));
        if (e.problem().status == 401) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(Unauthenticated e, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.respond(e.problem(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
