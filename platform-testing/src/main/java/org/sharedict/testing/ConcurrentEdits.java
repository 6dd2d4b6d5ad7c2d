package org.sharedict.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Races a request against another edit of the same row, deterministically: the other edit is
 * made in a transaction of its own on the service's database and left uncommitted (holding the
 * row's lock) while the request runs; it commits once the request has answered or is waiting for
 * that lock. A stale write that reads the row without locking it answers before the other edit
 * commits, as if it had won. (MariaDB: it reads the server's process list.)
 */
public final class ConcurrentEdits {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private ConcurrentEdits() {}

    /**
     * Runs {@code otherEdit} (SQL on the service's test database) uncommitted while
     * {@code request} runs, and returns what the request answered.
     *
     * @param table     the table {@code otherEdit} changes: a request waiting on it is waiting for the lock
     * @param otherEdit an UPDATE of the row the request edits, e.g. bumping its version
     * @param request   the HTTP request, e.g. a REST Assured call returning its response
     */
    public static <T> T whileAnotherEditIsUncommitted(String table, String otherEdit, Supplier<T> request) {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class)
                .orElse("root");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try (Connection other = DriverManager.getConnection(url, user, password);
                Connection observer = DriverManager.getConnection(url, user, password)) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                if (s.executeUpdate(otherEdit) != 1) {
                    throw new IllegalArgumentException("the other edit must change exactly one row: " + otherEdit);
                }
            }
            long ownThread;
            try (Statement s = other.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                ownThread = rs.getLong(1);
            }
            // A thread of its own: the common pool may have a single, busy thread on a small machine.
            ExecutorService sender = Executors.newSingleThreadExecutor();
            CompletableFuture<T> answer = CompletableFuture.supplyAsync(request, sender);
            sender.shutdown();
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!answer.isDone() && !waitingForLockOn(observer, table, ownThread)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the request neither answered nor waited for the row lock within " + BOUND
                            + "; connections:" + connections(observer));
                }
                try {
                    answer.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // poll again: has it answered, or is it queued behind the other edit's lock?
                } catch (ExecutionException failed) {
                    throw new AssertionError(
                            "the request failed; connections:" + connections(observer), failed.getCause());
                }
            }
            other.commit();
            return answer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (SQLException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What every connection to the database is doing, for a failure message. */
    private static String connections(Connection observer) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement s = observer.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT ID, COMMAND, STATE, TIME_MS, INFO FROM information_schema.PROCESSLIST"
                                + " WHERE COMMAND <> 'Sleep' AND ID <> CONNECTION_ID()")) {
            while (rs.next()) {
                sb.append(" [")
                        .append(rs.getLong(1))
                        .append(' ')
                        .append(rs.getString(2))
                        .append(' ')
                        .append(rs.getString(3))
                        .append(' ')
                        .append(rs.getLong(4))
                        .append(" ms: ")
                        .append(rs.getString(5))
                        .append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Whether another connection is running a locking statement on {@code table} (a write, or a
     * read FOR UPDATE) for more than a moment: nothing but the other edit holds a lock there, so
     * it is waiting for that. Read from the process list, which shows a statement from the moment
     * it starts; InnoDB's transaction list may not show a locking read's wait at all.
     */
    private static boolean waitingForLockOn(Connection observer, String table, long exceptThread) throws SQLException {
        try (PreparedStatement s = observer.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                        + " WHERE ID <> ? AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND TIME_MS > 100 AND INFO LIKE ?"
                        + " AND (INFO LIKE '%for update%' OR INFO LIKE 'update %' OR INFO LIKE 'insert %' OR INFO LIKE 'delete %')")) {
            s.setLong(1, exceptThread);
            s.setString(2, "%" + table + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
