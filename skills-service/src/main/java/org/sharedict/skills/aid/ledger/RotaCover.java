package org.sharedict.skills.aid.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/**
 * The out-of-hours rota cover partners gave each other in a period, from rota-service. Bounded in
 * time and paused after repeated failures; then the answer is "unknown", which statements show as
 * such, never as zero hours. rota-service calls skills-service too (for people): each side degrades
 * when the other is down, so neither needs the other to start or to answer its own reads.
 */
@ApplicationScoped
public class RotaCover {

    /** {@code hours} (to the hundredth) of out-of-hours cover {@code giver}'s people gave {@code receiver} on a rota. */
    public record Given(String rota, String giver, String receiver, BigDecimal hours) {}

    private final RotaHoursApi api;

    RotaCover(@RestClient RotaHoursApi api) {
        this.api = api;
    }

    /** Cover between partners on every rota in [from, to). */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "unknown")
    public Lookup<List<Given>> between(Instant from, Instant to) {
        RotaHoursApi.HoursReport r = api.hours(from.toString(), to.toString());
        if (r == null || r.cover() == null) {
            // An older rota-service reports hours per partner only: it cannot say whose service was covered.
            return Lookup.unknown("rota-service does not report cover between partners");
        }
        return Lookup.known(r.cover().stream()
                .filter(c ->
                        c.giver() != null && c.receiver() != null && !c.giver().equals(c.receiver()))
                .map(c -> new Given(
                        c.rotaName() == null ? "rota " + c.rotaId() : c.rotaName(),
                        c.giver(),
                        c.receiver(),
                        BigDecimal.valueOf(c.outOfHoursHours()).setScale(2, java.math.RoundingMode.HALF_UP)))
                .toList());
    }

    Lookup<List<Given>> unknown(Instant from, Instant to, Throwable cause) {
        Log.debugf("rota-service could not report cover for %s..%s: %s", from, to, cause.toString());
        return Lookup.unanswered("rota-service", cause);
    }
}
