package org.sharedict.gateway.aggregate;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The services' readiness, in the gateway's. In {@code /q/health/ready} the check stays UP when a
 * service is down: the gateway still serves sign-in and the other routes (a down service's routes
 * answer 503), and an orchestrator must not take the whole entry point away for one service. The
 * strict view, DOWN while any service is, is the group {@code /q/health/group/platform}.
 */
public final class PlatformReadiness {

    private PlatformReadiness() {}

    static HealthCheckResponse describe(String name, List<ServicesHealth.State> states, boolean strict) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(name);
        boolean all = true;
        StringBuilder down = new StringBuilder();
        for (ServicesHealth.State s : states) {
            b.withData(s.service(), s.up() ? "UP" : "DOWN: " + s.detail());
            s.checks().forEach((check, status) -> b.withData(s.service() + ": " + check, status));
            if (!s.up()) {
                all = false;
                down.append(down.length() == 0 ? "" : ", ").append(s.service());
            }
        }
        b.withData("summary", all ? "every service is ready" : "not ready: " + down);
        return b.status(all || !strict).build();
    }

    /** Part of /q/health/ready: reports each service, DOWN only if this check itself fails. */
    @Readiness
    @ApplicationScoped
    public static class Services implements AsyncHealthCheck {

        private final ServicesHealth health;

        Services(ServicesHealth health) {
            this.health = health;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return Uni.createFrom()
                    .completionStage(() -> health.states().toCompletionStage())
                    .map(states -> describe("platform services", states, false));
        }
    }

    /** /q/health/group/platform: DOWN while any service is not ready (monitoring, the end-to-end harness). */
    @HealthGroup("platform")
    @ApplicationScoped
    public static class Strict implements AsyncHealthCheck {

        private final ServicesHealth health;

        Strict(ServicesHealth health) {
            this.health = health;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return Uni.createFrom()
                    .completionStage(() -> health.states().toCompletionStage())
                    .map(states -> describe("platform services", states, true));
        }
    }
}
