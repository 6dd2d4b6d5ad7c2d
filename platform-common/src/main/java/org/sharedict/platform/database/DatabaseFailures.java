package org.sharedict.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached or did not answer in time",
 * anywhere in a cause chain (Hibernate, the transaction manager and the pool all wrap it): the
 * request is then answered 503 and may be retried, rather than 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                // 08: connection exception (SQL standard). The pool's own failures have no state but say
                // what they are: no connection in time, or one that died before it joined the transaction
                // (the transaction manager logs that cause and drops it).
                if (state != null && state.startsWith("08")
                        || sql.getCause() instanceof TimeoutException
                        || message.startsWith("Acquisition timeout")
                        || message.startsWith("Failed to enlist")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the database rolled the transaction back to break a deadlock (SQLSTATE 40001) or gave
     * up waiting for a row lock (MariaDB error 1205): nothing was written, and the same request may
     * succeed a moment later. Many writers on the same rows at once (a burst of alerts) cause it.
     */
    public static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
