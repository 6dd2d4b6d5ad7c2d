package org.sharedict.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.inject.Singleton;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway's connections wait on the database without the pool's socket timeout: a migration (an
 * ALTER TABLE copying a large table) may legitimately run for minutes, and one cut off half-done
 * is worse than a slow start. The pool puts the timeout back when a connection returns to it.
 */
@Singleton
public class PatientMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool != null) {
            configuration.dataSource(new WithoutSocketTimeout(pool));
        }
    }

    private record WithoutSocketTimeout(DataSource pool) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return patient(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return patient(pool.getConnection(username, password));
        }

        private static Connection patient(Connection c) throws SQLException {
            c.setNetworkTimeout(Runnable::run, 0);
            return c;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(pool) || pool.isWrapperFor(type);
        }
    }
}
