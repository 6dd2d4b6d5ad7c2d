package org.sharedict.platform.metrics;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * A few fixed buckets for every service's answer times ({@code http_server_requests_seconds_bucket}),
 * so the chart's dashboard can show p95 per service. Fixed, not Micrometer's percentile histogram:
 * that is some seventy buckets for each route and status, thousands of series per service.
 */
@Singleton
public class HttpBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter answerTimeBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(
                                nanos(Duration.ofMillis(10)),
                                nanos(Duration.ofMillis(50)),
                                nanos(Duration.ofMillis(100)),
                                nanos(Duration.ofMillis(250)),
                                nanos(Duration.ofMillis(500)),
                                nanos(Duration.ofSeconds(1)),
                                nanos(Duration.ofMillis(2500)),
                                nanos(Duration.ofSeconds(5)))
                        .build()
                        .merge(config);
            }
        };
    }

    private static double nanos(Duration d) {
        return d.toNanos();
    }
}
