package org.sharedict.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * The HTTP methods this service answers at a path, for the {@code Allow} header of a 405 (RFC 9110
 * says it must be there; Quarkus REST leaves it out). Read once from the resource classes, which
 * are all CDI beans.
 */
public final class AllowedMethods {

    private static volatile List<Route> routes;

    private record Route(Pattern path, String method) {}

    private AllowedMethods() {}

    /** The methods allowed at {@code path} (HEAD with GET, OPTIONS always), empty when no resource matches it. */
    public static Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route r : routes()) {
            if (r.path().matcher(p).matches()) {
                allowed.add(r.method());
                if (r.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
        }
        return allowed;
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null
                        || type.isInterface()
                        || Modifier.isAbstract(type.getModifiers())
                        || isRestClient(type)) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String verb = verbOf(m);
                    if (verb != null) {
                        Path sub = m.getAnnotation(Path.class);
                        found.add(new Route(compile(join(root.value(), sub == null ? "" : sub.value())), verb));
                    }
                }
            }
            routes = known = List.copyOf(found);
        }
        return known;
    }

    /** The beans of REST clients implement an interface with @Path too: paths of other services, not ours. */
    private static boolean isRestClient(Class<?> type) {
        for (Class<?> i : type.getInterfaces()) {
            for (Annotation a : i.getAnnotations()) {
                if (a.annotationType().getSimpleName().equals("RegisterRestClient")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String verbOf(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String joined = "/" + trim(root) + (trim(sub).isEmpty() ? "" : "/" + trim(sub));
        return joined.equals("/") ? joined : joined.replaceAll("/+", "/");
    }

    private static String trim(String s) {
        return s.replaceAll("^/+|/+$", "");
    }

    /** A JAX-RS path template as a regular expression: {id} is one segment, {rest: .*} its own pattern. */
    static Pattern compile(String template) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                char d = template.charAt(end);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    break;
                }
            }
            String inside = template.substring(i + 1, end);
            int colon = inside.indexOf(':');
            re.append('(')
                    .append(colon < 0 ? "[^/]+" : inside.substring(colon + 1).trim())
                    .append(')');
            i = end + 1;
        }
        return Pattern.compile(re.toString());
    }
}
