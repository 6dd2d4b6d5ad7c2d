package org.sharedict.skills.directory;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The leave API's shapes: a period away, as entered and as answered. */
public final class LeaveDtos {

    private LeaveDtos() {}

    /** A period away: from {@code start} (included) to {@code end} (excluded), instants in UTC. */
    public record LeaveInput(
            @NotNull Instant start,
            @NotNull Instant end,
            @Size(max = 200) String reason) {}

    public record LeaveView(
            long id,
            long personId,
            String partner,
            String name,
            Instant start,
            Instant end,
            @Schema(nullable = true) String reason,
            String createdBy,
            Instant createdAt) {}
}
