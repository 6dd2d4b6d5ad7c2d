package org.sharedict.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The environment variables each service reads (README "Services", docs/ARCHITECTURE.md): both
 * deployments, compose and Helm, must give every service all of its own and nothing private
 * that belongs to another.
 */
final class ServiceContract {

    static final List<String> ALL = List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "JWT_PUBLIC_KEY_LOCATION",
            "JWT_ISSUER");
    static final List<String> CALLERS = List.of("SKILLS_URL", "ROTA_URL", "DR_URL");
    static final List<String> MAILER = List.of("QUARKUS_MAILER_FROM");
    /** Only the gateway signs tokens and creates the first admin. */
    static final List<String> GATEWAY_ONLY = List.of("JWT_PRIVATE_KEY_LOCATION", "ADMIN_PASSWORD");

    private static final Set<String> CALLS_OTHERS = Set.of("gateway", "skills-service", "rota-service", "dr-planner");
    private static final Set<String> SENDS_MAIL = Set.of("skills-service", "rota-service", "dr-planner");

    private ServiceContract() {}

    static List<String> required(String service) {
        List<String> names = new ArrayList<>(ALL);
        if (CALLS_OTHERS.contains(service)) {
            names.addAll(CALLERS);
        }
        if (SENDS_MAIL.contains(service)) {
            names.addAll(MAILER);
        }
        if (service.equals("gateway")) {
            names.addAll(GATEWAY_ONLY);
        }
        return names;
    }

    static boolean sendsMail(String service) {
        return SENDS_MAIL.contains(service);
    }

    static String database(String service) {
        return switch (service) {
            case "skills-service" -> "skills";
            case "rota-service" -> "rota";
            case "dr-planner" -> "dr";
            case "gateway" -> "gateway";
            default -> throw new IllegalArgumentException(service);
        };
    }
}
