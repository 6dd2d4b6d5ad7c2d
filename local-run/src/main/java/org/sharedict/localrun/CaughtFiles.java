package org.sharedict.localrun;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a local stand-in keeps the next message it caught: named by the local time it arrived and a
 * running number, so a folder lists in arrival order. Wall-clock time on purpose: it is what a
 * newcomer looks for in .data/.
 */
final class CaughtFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AtomicInteger count = new AtomicInteger();

    Path next(Path dir, String extension) {
        return dir.resolve(STAMP.format(LocalDateTime.now()) + "-" + String.format("%05d", count.incrementAndGet())
                + "." + extension);
    }

    /** How many messages were caught so far. */
    int count() {
        return count.get();
    }
}
