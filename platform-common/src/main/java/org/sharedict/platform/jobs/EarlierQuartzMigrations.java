package org.sharedict.platform.jobs;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The Quartz tables come from one migration, {@code db/quartz/V1__quartz.sql} in platform-common,
 * which a service with durable jobs adds to {@code quarkus.flyway.locations}. rota-service and
 * dr-planner used to carry a copy each in their own {@code db/migration}, the same but for a comment
 * line. The shared file is rota-service's copy byte for byte, so a rota database needs nothing and
 * an older rota-service still validates it (a rollback). A database that applied dr-planner's copy
 * records that copy's checksum, and Flyway would refuse to start on it: before Flyway validates,
 * this rewrites exactly that recorded checksum (the tables it made are the same) to the shared
 * file's; any other difference still fails. Rolling dr-planner back past this needs the reverse
 * (helm/README.md, "Migrations").
 */
@Singleton
public class EarlierQuartzMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "db/quartz";
    static final String SCRIPT = "V1__quartz.sql";
    /** The checksum Flyway gives the shared {@code db/quartz/V1__quartz.sql} (and gave rota-service's copy). */
    static final int SHARED = -470337994;
    /** dr-planner's own copy, as released before the move. */
    static final int DR_PLANNER_COPY = 461030302;

    @Override
    public void customize(FluentConfiguration configuration) {
        boolean quartz = Arrays.stream(configuration.getLocations())
                .anyMatch(l -> l.getPath().equals(LOCATION));
        if (quartz) {
            List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
            callbacks.add(new Rewrite(configuration.getTable()));
            configuration.callbacks(callbacks.toArray(Callback[]::new));
        }
    }

    private record Rewrite(String table) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection c = context.getConnection();
            try {
                if (!exists(c.getMetaData(), c.getCatalog())) {
                    return;
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE `" + table
                        + "` SET checksum = ? WHERE version = '1' AND script = ? AND checksum = ?")) {
                    update.setInt(1, SHARED);
                    update.setString(2, SCRIPT);
                    update.setInt(3, DR_PLANNER_COPY);
                    update.executeUpdate();
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                throw new FlywayException("cannot carry the earlier Quartz migration over to " + LOCATION, e);
            }
        }

        private boolean exists(DatabaseMetaData meta, String catalog) throws SQLException {
            try (ResultSet tables = meta.getTables(catalog, null, table, new String[] {"TABLE"})) {
                return tables.next();
            }
        }

        @Override
        public String getCallbackName() {
            return "sharedict-earlier-quartz-migrations";
        }
    }
}
