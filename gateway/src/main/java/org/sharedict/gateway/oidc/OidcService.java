package org.sharedict.gateway.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import org.sharedict.gateway.auth.LoginService;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Secrets;
import org.sharedict.gateway.platform.SignInAudit;
import org.sharedict.gateway.platform.Unauthenticated;
import org.sharedict.gateway.users.Account;
import org.sharedict.gateway.users.Accounts;
import org.sharedict.gateway.users.UserDtos;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Roles;

/**
 * Sign-in through a council's own identity provider: the authorization-code flow with PKCE,
 * state and nonce, the ID token verified with jose4j against the provider's published keys, its
 * groups mapped to roles and its users to a partner by configuration. A user is created on first
 * sign-in and linked by (provider, subject), never by a username that happens to match.
 */
@ApplicationScoped
public class OidcService {

    static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private final OidcProviders providers;
    private final LoginService login;
    private final SignInAudit audit;
    private final Accounts accounts;
    private final ObjectMapper json;
    private final Clock clock;

    OidcService(
            OidcProviders providers,
            LoginService login,
            SignInAudit audit,
            Accounts accounts,
            ObjectMapper json,
            Clock clock) {
        this.providers = providers;
        this.login = login;
        this.audit = audit;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    public record Started(String authorizationUrl) {}

    public record Verified(
            String subject,
            String username,
            String displayName,
            String email,
            Set<String> roles,
            String partner,
            List<String> groups) {}

    /** Remembers the sign-in and says where to send the browser. */
    @Transactional
    public Started start(String name, String returnTo) {
        GatewayConfig.OidcProvider p = providers.provider(name);
        OidcProviders.Endpoints e = providers.endpoints(name);
        OidcLogin l = new OidcLogin();
        l.state = Secrets.random(24);
        l.nonce = Secrets.random(24);
        l.codeVerifier = Secrets.random(48);
        l.provider = name;
        l.returnTo = safeReturnTo(returnTo);
        l.createdAt = Instant.now(clock);
        l.persist();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Secrets.digest(l.codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        StringJoiner q = new StringJoiner("&");
        q.add("response_type=code")
                .add("client_id=" + enc(p.clientId()))
                .add("redirect_uri=" + enc(providers.redirectUri(name)))
                .add("scope=" + enc(p.scopes()))
                .add("state=" + enc(l.state))
                .add("nonce=" + enc(l.nonce))
                .add("code_challenge=" + enc(challenge))
                .add("code_challenge_method=S256");
        return new Started(e.authorization() + (e.authorization().contains("?") ? "&" : "?") + q);
    }

    /** Uses up the pending sign-in named by {@code state}; it works once and for ten minutes. */
    @Transactional
    public OidcLogin consume(String name, String state) {
        if (state == null || state.isBlank()) {
            throw ProblemException.invalid("state", "is required");
        }
        OidcLogin l = OidcLogin.findById(state);
        if (l == null
                || !l.provider.equals(name)
                || l.createdAt.plus(PENDING_FOR).isBefore(Instant.now(clock))) {
            throw ProblemException.badRequest(
                    "This sign-in is unknown, was already used or took too long; start again");
        }
        l.delete();
        return l;
    }

    /** Exchanges the code for tokens at the provider and verifies the ID token. */
    public Verified exchange(String name, String code, OidcLogin pending) {
        GatewayConfig.OidcProvider p = providers.provider(name);
        OidcProviders.Endpoints e = providers.endpoints(name);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", providers.redirectUri(name));
        form.put("client_id", p.clientId());
        p.clientSecret().ifPresent(s -> form.put("client_secret", s));
        form.put("code_verifier", pending.codeVerifier);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        JsonNode tokens;
        try {
            HttpResponse<String> r = providers
                    .http()
                    .send(
                            HttpRequest.newBuilder(URI.create(e.token()))
                                    .timeout(OidcProviders.TIMEOUT)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new Unauthenticated("The sign-in provider " + name + " refused the sign-in (HTTP "
                        + r.statusCode() + "); start again");
            }
            tokens = json.readTree(r.body());
        } catch (IOException ex) {
            throw ProblemException.unavailable("The sign-in provider " + name + " did not answer; try again shortly");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while asking the sign-in provider " + name);
        }
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) {
            throw new Unauthenticated("The sign-in provider " + name + " sent no ID token");
        }
        JwtClaims claims = verify(name, idToken, pending.nonce);
        return map(name, p, claims);
    }

    JwtClaims verify(String name, String idToken, String nonce) {
        GatewayConfig.OidcProvider p = providers.provider(name);
        OidcProviders.Endpoints e = providers.endpoints(name);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(e.issuer())
                .setExpectedAudience(p.clientId())
                .setVerificationKeyResolver(e.keys())
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, "RS256", "RS384", "RS512", "PS256", "ES256")
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(idToken);
            if (!nonce.equals(claims.getClaimValueAsString("nonce"))) {
                throw new Unauthenticated(
                        "The ID token from " + name + " is not for this sign-in (nonce); start again");
            }
            return claims;
        } catch (InvalidJwtException ex) {
            throw new Unauthenticated("The ID token from " + name + " is not valid: "
                    + ex.getErrorDetails().stream()
                            .map(d -> d.getErrorMessage())
                            .findFirst()
                            .orElse("rejected"));
        }
    }

    Verified map(String name, GatewayConfig.OidcProvider p, JwtClaims claims) {
        try {
            List<String> groups = new ArrayList<>();
            Object g = claims.getClaimValue(p.groupsClaim());
            if (g instanceof List<?> list) {
                list.forEach(x -> groups.add(String.valueOf(x)));
            } else if (g != null) {
                groups.add(g.toString());
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String group : groups) {
                String mapped = p.roleMapping().get(group);
                if (mapped != null) {
                    for (String r : mapped.split(",")) {
                        roles.add(r.trim());
                    }
                }
            }
            if (roles.isEmpty()) {
                throw ProblemException.forbidden(
                        "Your account at " + name + " is in none of the groups that give a role here "
                                + (groups.isEmpty() ? "(it has no groups)" : groups) + "; ask your ICT manager");
            }
            if (roles.contains(Roles.ADMIN)) {
                roles = Set.of(Roles.ADMIN);
            }
            String partner = roles.contains(Roles.ADMIN)
                    ? null
                    : p.partner()
                            .or(() -> p.partnerClaim().map(c -> claimString(claims, c)))
                            .map(s -> s.toUpperCase(Locale.ROOT))
                            .orElse(null);
            if (!roles.contains(Roles.ADMIN) && (partner == null || !partner.matches(UserDtos.PARTNER))) {
                throw ProblemException.forbidden(
                        "The sign-in provider " + name + " does not say which partner you belong to");
            }
            String username = claimString(claims, p.usernameClaim());
            if (username == null) {
                username = claims.getSubject() + "@" + name;
            }
            username = username.toLowerCase(Locale.ROOT);
            if (!username.matches(UserDtos.USERNAME)) {
                username = (claims.getSubject() + "@" + name).toLowerCase(Locale.ROOT);
            }
            String display = claimString(claims, "name");
            return new Verified(
                    claims.getSubject(),
                    username,
                    display == null ? username : display,
                    claimString(claims, "email"),
                    roles,
                    partner,
                    groups);
        } catch (MalformedClaimException ex) {
            throw new Unauthenticated("The ID token from " + name + " has a malformed claim: " + ex.getMessage());
        }
    }

    /** Finds or creates the user linked to this provider account, brings them up to date and signs them in. */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ProblemException.class)
    public LoginService.SignedIn signIn(String name, Verified v, String clientAddress, String userAgent) {
        Accounts.Linked linked = accounts.linkExternal(
                name,
                new Accounts.ExternalIdentity(
                        v.subject(), v.username(), v.displayName(), v.email(), v.roles(), v.partner()));
        Account u = linked.account();
        switch (linked.outcome()) {
            case USERNAME_TAKEN -> {
                audit.record(
                        "SIGN_IN_FAILED",
                        v.username(),
                        null,
                        v.partner(),
                        Map.of("reason", "username already used by another account", "method", "oidc:" + name));
                throw ProblemException.conflict("Another account already has the username " + v.username()
                        + "; ask an admin to link or rename it");
            }
            case DISABLED -> {
                audit.record(
                        "SIGN_IN_FAILED",
                        u.username(),
                        u.id(),
                        u.partner(),
                        Map.of("reason", "account disabled", "method", "oidc:" + name));
                throw new Unauthenticated("This account is disabled; ask an admin or your manager");
            }
            case CREATED -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("username", u.username());
                state.put("partner", u.partner());
                state.put("roles", String.join(",", u.roles()));
                state.put("provider", name);
                state.put("groups", v.groups());
                audit.record("CREATE", u.username(), u.id(), u.partner(), state);
            }
            case LINKED -> {}
        }
        return login.loginExternal(u, name, clientAddress, userAgent);
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetAbandoned() {
        OidcLogin.delete("createdAt < ?1", Instant.now(clock).minus(PENDING_FOR));
    }

    /** Only a path on this site, so the callback cannot be used to send people elsewhere. */
    static String safeReturnTo(String returnTo) {
        if (returnTo == null
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || returnTo.length() > 500) {
            return "/";
        }
        return returnTo;
    }

    private static String claimString(JwtClaims claims, String name) {
        Object v = claims.getClaimValue(name);
        return v == null ? null : v.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
