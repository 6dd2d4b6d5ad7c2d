package org.sharedict.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of this service's database, answered within {@code sharedict.database.readiness-timeout}
 * whatever the database does: a database that is down, or frozen with connections open, reports
 * DOWN at once rather than leaving {@code /q/health/ready} waiting on a socket. It replaces
 * Quarkus' own check, whose wait is unbounded. One probe at a time: while one is stuck, later
 * checks report on it instead of piling up more.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private Future<?> probe;

    DatabaseReadiness(
            DataSource dataSource,
            @ConfigProperty(name = "sharedict.database.readiness-timeout", defaultValue = "2S") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        Future<?> current;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                probe = probes.submit(this::ping);
            }
            current = probe;
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up("database");
        } catch (TimeoutException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", String.valueOf(e.getCause().getMessage()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "interrupted")
                    .build();
        }
    }

    private Void ping() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid((int) Math.max(1, timeout.toSeconds()))) {
                throw new SQLException("the connection did not answer a ping");
            }
        }
        return null;
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
