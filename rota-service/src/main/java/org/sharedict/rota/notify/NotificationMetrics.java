package org.sharedict.rota.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivery attempts by channel and outcome ({@code sharedict_notifications_total{channel,outcome}}):
 * the chart alerts when notifications are given up on, which is a page nobody received. Every
 * series is made at start at zero, so a rate over it exists before the first failure.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(@Observes StartupEvent start) {
        for (Notification.Channel channel : Notification.Channel.values()) {
            for (DeliveryRecorded.Outcome outcome : DeliveryRecorded.Outcome.values()) {
                counter(channel, outcome);
            }
        }
    }

    void count(@Observes DeliveryRecorded attempt) {
        counter(attempt.channel(), attempt.outcome()).increment();
    }

    private Counter counter(Notification.Channel channel, DeliveryRecorded.Outcome outcome) {
        return Counter.builder("sharedict.notifications")
                .tag("channel", channel.name())
                .tag("outcome", outcome.name())
                .description("Notification delivery attempts by channel and outcome")
                .register(registry);
    }
}
