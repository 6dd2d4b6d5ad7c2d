package org.sharedict.gateway.access;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import org.sharedict.gateway.apikeys.ApiKeyVerifier;
import org.sharedict.gateway.auth.RevokedSessions;
import org.sharedict.gateway.platform.ClientAddress;
import org.sharedict.gateway.platform.ProblemResponses;
import org.sharedict.gateway.routing.GatewayRouter;
import org.sharedict.gateway.routing.MatchedRoute;
import org.sharedict.platform.database.DatabaseFailures;
import org.sharedict.platform.problem.ProblemException;

/**
 * The gateway's check on every /api request, before it is routed or reaches the gateway's own
 * endpoints: a valid bearer token (signature, issuer, expiry, not signed out) or API key, unless
 * the path is public; then the rate limit of whoever it is. API keys are exchanged here for a
 * short-lived token of the contract, so the services only ever verify JWTs.
 */
@ApplicationScoped
public class ApiGuard {

    /** Where the authenticated caller's name is kept on the routing context (for the logs). */
    public static final String PRINCIPAL = "sharedict.principal";

    static final String API_KEY_HEADER = "X-Api-Key";

    private final JWTParser parser;
    private final RevokedSessions revoked;
    private final ApiKeyVerifier keys;
    private final RateLimiter limiter;
    private final Clock clock;

    /** Tokens already verified, so a client's next requests skip the signature check (expiry and sign-out are still checked). */
    private record Verified(String subject, String sessionId, long expiresAt) {}

    static final int MAX_REMEMBERED = 10_000;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    ApiGuard(JWTParser parser, RevokedSessions revoked, ApiKeyVerifier keys, RateLimiter limiter, Clock clock) {
        this.parser = parser;
        this.revoked = revoked;
        this.keys = keys;
        this.limiter = limiter;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(GatewayRouter.ORDER_GUARD).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        MatchedRoute route = MatchedRoute.of(ctx);
        String path = route.path();
        String method = req.method().name();
        boolean isPublic = route.isPublic();
        String address = ClientAddress.of(req);

        String apiKey = req.getHeader(API_KEY_HEADER);
        if (apiKey != null && !isPublic) {
            keys.verify(apiKey).onComplete(ar -> {
                if (ar.failed()) {
                    // Not the client's fault: the key could not be looked up (the database is down).
                    ProblemException p = DatabaseFailures.isUnavailable(ar.cause())
                            ? ProblemException.databaseUnavailable()
                            : ProblemException.unavailable(
                                    "The API key could not be checked just now; try again shortly");
                    ProblemResponses.send(ctx, p.problem(), p.headers());
                    return;
                }
                Optional<ApiKeyVerifier.KeyPrincipal> key = ar.result();
                if (key.isEmpty()) {
                    refuse(ctx, address, "This API key is not valid, has expired or was revoked");
                    return;
                }
                ApiKeyVerifier.KeyPrincipal k = key.get();
                if (!keys.allows(k, method, path)) {
                    ProblemResponses.forbidden(
                            ctx,
                            "This API key's permissions (" + String.join(", ", k.permissions()) + ") do not allow "
                                    + method + " " + path);
                    return;
                }
                if (limited(ctx, RateLimiter.Kind.API_PER_KEY, "key:" + k.id())) {
                    return;
                }
                req.headers().remove(API_KEY_HEADER);
                req.headers().set("Authorization", "Bearer " + keys.token(k));
                ctx.put(PRINCIPAL, "apikey:" + k.id());
                ctx.next();
            });
            return;
        }

        String authorization = req.getHeader("Authorization");
        if (isPublic) {
            // An integration key in Authorization is rota-service's to check, not a token of ours.
            Optional<String> intakeKey = IntakeKeys.publicId(path, authorization);
            if (intakeKey.isPresent()) {
                intake(ctx, intakeKey.get(), address);
                return;
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String problem;
            String raw = authorization.substring(7).trim();
            try {
                Verified v = verify(raw);
                if (v.sessionId() != null && revoked.isRevoked(v.sessionId())) {
                    problem = "This token's session has been signed out; sign in again";
                } else {
                    if (limited(ctx, RateLimiter.Kind.API_PER_USER, "user:" + v.subject())) {
                        return;
                    }
                    ctx.put(PRINCIPAL, v.subject());
                    ctx.next();
                    return;
                }
            } catch (ParseException e) {
                problem = expired(e)
                        ? "The token has expired; get a new one (POST /api/auth/refresh) or sign in again"
                        : "The token is not valid here (its signature, issuer, algorithm or form is wrong)";
            }
            if (!isPublic) {
                refuse(ctx, address, problem);
                return;
            }
        }

        if (isPublic) {
            RateLimiter.Kind kind =
                    route.isSignIn() ? RateLimiter.Kind.LOGIN_PER_ADDRESS : RateLimiter.Kind.API_PER_ADDRESS;
            if (limited(ctx, kind, "addr:" + address)) {
                return;
            }
            ctx.next();
            return;
        }
        refuse(ctx, address, "Send a bearer token from the gateway (POST /api/auth/login) or an API key (X-Api-Key)");
    }

    /**
     * An alert naming an integration key: limited per key, so one monitored service's burst neither
     * waits for nor crowds out the rest of its address's traffic. An address whose refused keys have
     * used up its anonymous allowance is refused before its alerts reach rota-service.
     */
    private void intake(RoutingContext ctx, String keyId, String address) {
        long wait = limiter.peek(RateLimiter.Kind.API_PER_ADDRESS, "addr:" + address);
        if (wait > 0) {
            ProblemResponses.rateLimited(ctx, "Too many requests from your address; slow down", wait);
            return;
        }
        if (limited(ctx, RateLimiter.Kind.INTAKE_PER_KEY, "intake:" + keyId)) {
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401) {
                limiter.check(RateLimiter.Kind.API_PER_ADDRESS, "addr:" + address);
            }
        });
        ctx.next();
    }

    /** The token's subject and session: from memory when this exact token was verified before and has not expired. */
    private Verified verify(String raw) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified v = verified.get(raw);
        if (v != null && v.expiresAt() > now) {
            return v;
        }
        JsonWebToken jwt = parser.parse(raw);
        Object sid = jwt.getClaim("sid");
        v = new Verified(
                jwt.getSubject(), sid == null ? null : sid.toString().replace("\"", ""), jwt.getExpirationTime());
        if (v.expiresAt() > now) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(raw, v);
        }
        return v;
    }

    /** 401, unless this address has been refused too often, then 429: guessing costs time too. */
    private void refuse(RoutingContext ctx, String address, String detail) {
        if (limited(ctx, RateLimiter.Kind.API_PER_ADDRESS, "addr:" + address)) {
            return;
        }
        ProblemResponses.unauthenticated(ctx, detail);
    }

    private boolean limited(RoutingContext ctx, RateLimiter.Kind kind, String client) {
        long wait = limiter.check(kind, client);
        if (wait > 0) {
            ProblemResponses.rateLimited(
                    ctx,
                    switch (kind) {
                        case LOGIN_PER_ADDRESS -> "Too many sign-in attempts from your address; wait and try again";
                        case API_PER_KEY -> "Too many requests with this API key; slow down";
                        case INTAKE_PER_KEY -> "Too many alerts with this integration key; slow down";
                        case API_PER_USER -> "Too many requests from your account; slow down";
                        default -> "Too many requests from your address; slow down";
                    },
                    wait);
            return true;
        }
        return false;
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException ije && ije.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
