package org.sharedict.rota.gaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.sharedict.rota.platform.RotaConfig;

/**
 * {@code rota_cover_gaps{partner, within}}: how many cover gaps each partner has starting within 7
 * days ({@code within="7d"}) and within the horizon ({@code within="28d"} by default), and their sum
 * ({@code partner="all"}). Each instance
 * recounts every few minutes (a scrape must not expand every rota); the chart's alert "cover gap
 * within 7 days" reads the first.
 */
@ApplicationScoped
public class GapMetrics {

    public static final String NAME = "rota.cover.gaps";

    /** The series summing every partner (partner codes are upper case, so no partner is called this). */
    static final String ALL = "all";

    private final CoverGapService gaps;
    private final RotaConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private MultiGauge gauge;
    private ScheduledExecutorService timer;

    GapMetrics(CoverGapService gaps, RotaConfig config, Clock clock, MeterRegistry registry) {
        this.gaps = gaps;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    void start(@Observes StartupEvent start) {
        gauge = MultiGauge.builder(NAME)
                .description(
                        "Cover gaps (periods in which nobody would be paged) per partner, starting within the period")
                .register(registry);
        // Until the first count, one series of each period, not a number, so the metric exists from the start.
        gauge.register(List.of(
                MultiGauge.Row.of(Tags.of("partner", ALL, "within", "7d"), Double.NaN),
                MultiGauge.Row.of(
                        Tags.of("partner", ALL, "within", config.gaps().horizonDays() + "d"), Double.NaN)));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cover-gap-metrics");
            t.setDaemon(true);
            return t;
        });
        long every = config.gaps().metricsEvery().toSeconds();
        timer.scheduleWithFixedDelay(this::refreshQuietly, Math.min(30, every), every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database may be away; the gauge keeps its last counts until the next try.
            Log.warnf("Cover gaps: could not recount for the gauge: %s", e.getMessage());
        }
    }

    /** Recounts every partner's gaps now; the counts, per partner, within 7 days and within the horizon. */
    public Map<String, long[]> refresh() {
        Instant now = Instant.now(clock);
        Instant week = now.plus(Duration.ofDays(7));
        int horizon = config.gaps().horizonDays();
        Map<String, long[]> counts = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, long[]> out = new TreeMap<>();
            for (String partner : gaps.partners()) {
                List<CoverGapDtos.CoverGap> all = gaps.gaps(partner, now, now.plus(Duration.ofDays(horizon)));
                long soon = all.stream().filter(g -> g.start().isBefore(week)).count();
                out.put(partner, new long[] {soon, all.size()});
            }
            return out;
        });
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        long[] total = new long[2];
        counts.values().forEach(c -> {
            total[0] += c[0];
            total[1] += c[1];
        });
        rows.add(MultiGauge.Row.of(Tags.of("partner", ALL, "within", "7d"), total[0]));
        rows.add(MultiGauge.Row.of(Tags.of("partner", ALL, "within", horizon + "d"), total[1]));
        counts.forEach((partner, c) -> {
            rows.add(MultiGauge.Row.of(Tags.of("partner", partner, "within", "7d"), c[0]));
            rows.add(MultiGauge.Row.of(Tags.of("partner", partner, "within", horizon + "d"), c[1]));
        });
        gauge.register(rows, true);
        return counts;
    }
}
