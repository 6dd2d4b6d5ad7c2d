package org.sharedict.rota.platform;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * What an API key may read here, checked again behind the gateway's own rules: a key reads only
 * what one of its read scopes names (on call now, rotas and their shifts, incidents), never leave,
 * policies or intake settings. Writes are checked by the services that own them (incidents:write).
 */
public class ApiKeyReadScopes {

    record Rule(Pattern path, List<String> scopes) {}

    static final List<Rule> READS = List.of(
            new Rule(Pattern.compile("/api/oncall(/gaps)?/?"), List.of("oncall:read")),
            new Rule(Pattern.compile("/api/rotas(/\\d+(/shifts|/overrides)?)?/?"), List.of("rotas:read")),
            new Rule(Pattern.compile("/api/incidents(/\\d+)?/?"), List.of("incidents:read", "incidents:write")));

    private final Caller caller;

    ApiKeyReadScopes(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public void requireReadScope(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        // The paths without a token (calendar feeds, monitoring intake) authorise by their own secrets.
        if (!path.startsWith("/api/")
                || path.startsWith("/api/calendar/feeds/")
                || path.startsWith("/api/intake/")
                || !caller.hasRole(Roles.INTEGRATION)) {
            return;
        }
        for (Rule r : READS) {
            if (r.path().matcher(path).matches()) {
                if (r.scopes().stream().anyMatch(caller::hasScope)) {
                    return;
                }
                throw ProblemException.forbidden(
                        "This API key needs the " + String.join(" or ", r.scopes()) + " permission to read " + path);
            }
        }
        throw ProblemException.forbidden("API keys may read only on call (oncall:read), rotas (rotas:read) "
                + "and incidents (incidents:read); not " + path);
    }
}
