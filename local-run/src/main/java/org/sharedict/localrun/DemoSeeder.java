package org.sharedict.localrun;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Loads the demo data once, through the services' own APIs (so it is validated like any other
 * input and each service keeps owning its data). Each part checks whether its service already has
 * data and leaves it alone if so. Order matters: rotas and DR plans refer to people.
 */
public final class DemoSeeder {

    /**
     * The partnership's zone, the services' setting (PARTNERSHIP_ZONE, default Europe/London): the
     * demo's dates are the dates there, whatever zone the machine running it is in.
     */
    static final ZoneId ZONE = ZoneId.of(env("PARTNERSHIP_ZONE", "Europe/London"));

    private DemoSeeder() {}

    /** Today in the partnership's zone. */
    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static void main(String[] args) throws Exception {
        String issuer = env("JWT_ISSUER", "https://sharedict.local/gateway");
        Path key = Path.of(env("JWT_PRIVATE_KEY_LOCATION", ".data/keys/privateKey.pem"));
        Api api = new Api(LocalToken.admin(key, issuer));
        Urls urls = new Urls(
                env("SKILLS_URL", "http://localhost:8081"),
                env("ROTA_URL", "http://localhost:8082"),
                env("DR_URL", "http://localhost:8083"),
                env("GATEWAY_URL", "http://localhost:8080"));
        new SkillsDemo(api, urls).seed();
        new AidDemo(api, urls).seed();
        new RotaDemo(api, urls).seed();
        new IntakeDemo(urls).seed();
        new PagingDemo(api, urls).seed();
        // Users before plans: submitting a plan e-mails its approvers from the gateway's user directory.
        new GatewayDemo(api, urls).seed();
        new DrDemo(api, urls).seed();
    }

    record Urls(String skills, String rota, String dr, String gateway) {}

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void say(String message) {
        System.out.println("demo data: " + message);
    }
}
