package org.sharedict.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every ERROR logged anywhere in the test JVM while open, so a test can show that bad
 * input was answered without an error (and its stack trace) landing in the service's log:
 * {@code try (ErrorLogs errors = ErrorLogs.capture()) { ...; assertEquals(List.of(), errors.messages()); }}.
 */
public final class ErrorLogs implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private ErrorLogs() {
        Logger.getLogger("").addHandler(handler);
    }

    public static ErrorLogs capture() {
        return new ErrorLogs();
    }

    /** The ERROR (or worse) records seen so far, as "logger: message (exception)". */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
