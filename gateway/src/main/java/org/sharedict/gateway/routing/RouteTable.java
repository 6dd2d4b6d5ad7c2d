package org.sharedict.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.PathPattern;

/**
 * The route table from configuration: which service answers which path prefix, and which of its
 * paths are public. Longest prefix first, so a more specific prefix could be given to another service.
 */
public final class RouteTable {

    /** The gateway's own paths that need no token: signing in and what the sign-in page needs. */
    static final List<PathPattern> OWN_PUBLIC = PathPattern.parseAll(List.of(
            "POST /api/auth/login",
            "POST /api/auth/refresh",
            "POST /api/auth/logout",
            "GET /api/auth/providers",
            "GET /api/auth/oidc/*/start",
            "GET /api/auth/oidc/*/callback"));

    /**
     * Public paths whose attempts count against the sign-in limit per client address. Not refresh:
     * a refresh token cannot be guessed, and with 30-second access tokens every open browser
     * refreshes twice a minute (it counts against the anonymous limit per address instead).
     */
    static final List<PathPattern> SIGN_IN =
            PathPattern.parseAll(List.of("POST /api/auth/login", "GET /api/auth/oidc/*/callback"));

    public record Target(String name, URI url, GatewayConfig.Service config, List<PathPattern> publicPaths) {}

    private record Prefix(String prefix, Target target) {}

    private final List<Prefix> prefixes = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    public RouteTable(Map<String, GatewayConfig.Service> services) {
        services.forEach((name, s) -> {
            URI url = URI.create(
                    s.url().endsWith("/") ? s.url().substring(0, s.url().length() - 1) : s.url());
            if (url.getHost() == null
                    || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new IllegalArgumentException(
                        "gateway.services." + name + ".url must be an http(s) URL, not " + s.url());
            }
            Target t = new Target(
                    name, url, s, PathPattern.parseAll(s.publicPaths().orElse(List.of())));
            targets.add(t);
            for (String p : s.prefixes()) {
                String prefix = p.trim();
                if (!prefix.startsWith("/api/") || prefix.endsWith("/")) {
                    throw new IllegalArgumentException("gateway.services." + name + ".prefixes: '" + p
                            + "' must start with /api/ and not end with /");
                }
                prefixes.add(new Prefix(prefix, t));
            }
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
        targets.sort(Comparator.comparing(Target::name));
    }

    /** The route of a request with this method and (normalised) path. */
    public MatchedRoute route(String method, String path) {
        Target target = match(path);
        return new MatchedRoute(
                path, target, isPublic(method, path, target) || isPublicPath(path, target), isSignIn(method, path));
    }

    /** The service for this (normalised) path, or null when the path is the gateway's own. */
    Target match(String path) {
        for (Prefix p : prefixes) {
            if (path.startsWith(p.prefix())
                    && (path.length() == p.prefix().length()
                            || path.charAt(p.prefix().length()) == '/')) {
                return p.target();
            }
        }
        return null;
    }

    boolean isPublic(String method, String path, Target target) {
        List<PathPattern> rules = target == null ? OWN_PUBLIC : target.publicPaths();
        for (PathPattern p : rules) {
            if (p.matches(method, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when some method of this path is public. Another method there is passed on without a
     * token too, so that a method the path does not have is answered 405 with Allow by whoever
     * serves the path, not 401; where the method exists, that service refuses it without a token itself.
     */
    boolean isPublicPath(String path, Target target) {
        return (target == null ? OWN_PUBLIC : target.publicPaths()).stream().anyMatch(p -> p.matchesPath(path));
    }

    /** True when the gateway's own operation is answered without a token (signing in and what the sign-in page needs). */
    public static boolean isOwnPublic(String method, String path) {
        return OWN_PUBLIC.stream().anyMatch(p -> p.matches(method, path));
    }

    boolean isSignIn(String method, String path) {
        return SIGN_IN.stream().anyMatch(p -> p.matches(method, path));
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }
}
