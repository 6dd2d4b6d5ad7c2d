package org.sharedict.platform.database;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aConnectionThatFailsOrTimesOutAnywhereInTheChainIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(
                new PersistenceException(new SQLNonTransientConnectionException("Connection refused", "08000"))));
        assertTrue(DatabaseFailures.isUnavailable(
                new RuntimeException(new SQLException("Communications link failure", "08S01"))));
        assertTrue(DatabaseFailures.isUnavailable(new SQLTimeoutException("Read timed out")));
        assertTrue(DatabaseFailures.isUnavailable(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())));
        assertTrue(
                DatabaseFailures.isUnavailable(
                        new RuntimeException(
                                new SQLException(
                                        "Exception in association of connection to existing transaction",
                                        new SQLException(
                                                "Failed to enlist. Check if a connection from another datasource is already enlisted to the same transaction")))));
    }

    @Test
    void whatTheDatabaseAnsweredIsNotAnOutage() {
        assertFalse(DatabaseFailures.isUnavailable(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("Deadlock found", "40001", 1213)));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("no database here")));
    }

    @Test
    void aDeadlockOrALockWaitIsContentionAndNotAnOutage() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        SQLException lockWait = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
        assertTrue(DatabaseFailures.isContention(new PersistenceException(deadlock)));
        assertTrue(DatabaseFailures.isContention(new RuntimeException(new PersistenceException(lockWait))));
        assertFalse(DatabaseFailures.isContention(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(DatabaseFailures.isUnavailable(lockWait));
    }
}
