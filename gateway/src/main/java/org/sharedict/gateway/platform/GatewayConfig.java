package org.sharedict.gateway.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The gateway's own settings ({@code gateway.*}); README lists each with its environment variable. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The route table: each service, where it is and which path prefixes go to it. */
    Map<String, Service> services();

    /** The address people use, for OIDC redirect URIs (GATEWAY_URL). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** True only under ./run.sh (SHAREDICT_LOCAL_RUN): the only case in which admin/admin may be seeded. */
    @WithDefault("false")
    boolean localRun();

    Admin admin();

    Tokens tokens();

    Passwords passwords();

    SignInThrottle signInThrottle();

    ApiKeys apiKeys();

    RateLimits rateLimit();

    Headers headers();

    Aggregate aggregate();

    /** External OpenID Connect providers by name (the name appears in the sign-in URLs). */
    Map<String, OidcProvider> oidc();

    interface Service {
        /** Base URL of the service, e.g. http://skills-service:8080. */
        String url();

        /** Path prefixes routed to it: a path is routed when it equals a prefix or continues it with '/'. */
        List<String> prefixes();

        /** Paths answered without a token (METHOD /glob, '*' one segment part, '**' the rest). */
        Optional<List<String>> publicPaths();

        /** Longest wait for the service to start answering, or to send the next piece of a body. */
        @WithDefault("10S")
        Duration timeout();

        @WithDefault("2S")
        Duration connectTimeout();

        /** Largest request body passed on. */
        @WithDefault("10M")
        MemorySize maxBodySize();

        @WithDefault("64")
        int maxConnections();

        /**
         * How long an idle pooled connection to the service is kept (whole seconds). Shorter than the
         * service's own idle timeout (Quarkus: 30 minutes) and any proxy's in between, so the gateway
         * always lets go of a connection first and never reuses one the service is closing.
         */
        @WithDefault("15S")
        Duration keepAliveTimeout();

        CircuitBreaker circuitBreaker();

        @WithDefault("/q/health/ready")
        String healthPath();

        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface CircuitBreaker {
        /** Failed connections or timeouts within {@link #window()} that open the circuit. */
        @WithDefault("5")
        int failures();

        @WithDefault("10S")
        Duration window();

        /** How long an open circuit answers 503 at once before letting one request try again. */
        @WithDefault("10S")
        Duration reset();
    }

    interface Admin {
        /** First password of the `admin` user (ADMIN_PASSWORD); required outside ./run.sh. */
        Optional<String> password();
    }

    interface Tokens {
        /** Short, because a signed-out session's token stays valid at the services until it expires. */
        @WithDefault("30S")
        Duration accessLifetime();

        /** A session (a chain of refresh tokens) ends this long after sign-in, whatever the refreshes. */
        @WithDefault("12H")
        Duration sessionLifetime();

        /** How often the list of revoked sessions is re-read from the database (other instances' sign-outs). */
        @WithDefault("10S")
        Duration revocationPoll();

        /** The refresh cookie is marked Secure (HTTPS only); default: when the public URL is https. */
        Optional<Boolean> cookieSecure();
    }

    interface Passwords {
        @WithDefault("12")
        int minLength();

        /** bcrypt cost (log2 rounds). */
        @WithDefault("12")
        int bcryptCost();
    }

    /** Failed sign-ins slow further attempts with growing delays (README, "Failed sign-ins"). */
    interface SignInThrottle {
        /** Failures of one username from one address before its delays start. */
        @WithDefault("5")
        int freeFailuresPerAccountAndAddress();

        /** Failures from one address, whatever the usernames, before its delays start (not counted where the account signed in before). */
        @WithDefault("20")
        int freeFailuresPerAddress();

        /** Failures of one username from addresses it has not signed in from, before its delays start. */
        @WithDefault("10")
        int freeFailuresPerAccount();

        /** The first delay; each further failure doubles it. */
        @WithDefault("1S")
        Duration firstDelay();

        @WithDefault("15M")
        Duration maxDelay();

        /** Failures are forgotten this long after the last one (and once any delay they set has passed): long enough that waiting it out gains a guesser nothing. */
        @WithDefault("24H")
        Duration forgetAfter();

        /** An address the account signed in from within this time is its owner's: only that pair's failures count there. */
        @WithDefault("30D")
        Duration familiarFor();
    }

    interface ApiKeys {
        /** Permission name to the requests it allows at the gateway ("METHOD /glob"). */
        Map<String, List<String>> permissions();

        /** Lifetime of the token the gateway mints for a key's requests: a revoked key's token works at the services until then. */
        @WithDefault("30S")
        Duration tokenLifetime();

        /** How long a verified key is remembered before it is read from the database again. */
        @WithDefault("30S")
        Duration cacheFor();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Sign-in attempts from one client address. */
        @WithName("login-per-address")
        Limit loginPerAddress();

        /** API requests of one signed-in user. */
        @WithName("api-per-user")
        Limit apiPerUser();

        /** API requests of one API key. */
        @WithName("api-per-key")
        Limit apiPerKey();

        /** Requests without valid credentials (public calendar feeds, rejected tokens) from one client address. */
        @WithName("api-per-address")
        Limit apiPerAddress();

        /**
         * Monitoring alerts naming one integration key ({@code /api/intake/rik_…}), from any address.
         * An alert whose key rota-service refuses (401) counts against its address's anonymous limit,
         * so guessing keys is limited like any anonymous request.
         */
        @WithName("intake-per-key")
        Limit intakePerKey();
    }

    interface Limit {
        int requests();

        Duration per();
    }

    interface Headers {
        /** Content-Security-Policy of the web UI and static files. */
        String cspUi();

        /** Content-Security-Policy of API answers (proxied ones that set none themselves). */
        String cspApi();

        /** Content-Security-Policy of Swagger UI, whose page needs inline script. */
        String cspSwaggerUi();

        /** Strict-Transport-Security max-age; 0 sends none. */
        @WithDefault("31536000")
        long hstsMaxAge();
    }

    interface Aggregate {
        /** How long a merged OpenAPI document with every service in it is kept (one with a service missing: 5 s at most). */
        @WithDefault("60S")
        Duration openapiCache();

        /** How long the services' readiness is remembered between probes. */
        @WithDefault("2S")
        Duration healthCache();
    }

    interface OidcProvider {
        String issuer();

        String clientId();

        Optional<String> clientSecret();

        /** Shown on the sign-in page. */
        Optional<String> displayName();

        @WithDefault("openid profile email")
        String scopes();

        @WithDefault("groups")
        String groupsClaim();

        @WithDefault("preferred_username")
        String usernameClaim();

        /** Every user of this provider belongs to this partner ... */
        Optional<String> partner();

        /** ... or the partner code is in this claim. */
        Optional<String> partnerClaim();

        /** Provider group to roles (comma-separated). A user none of whose groups maps is refused. */
        Map<String, String> roleMapping();

        /** Default: {public-url}/api/auth/oidc/{name}/callback. */
        Optional<String> redirectUri();
    }
}
