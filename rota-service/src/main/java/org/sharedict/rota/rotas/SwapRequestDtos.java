package org.sharedict.rota.rotas;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.platform.SupportedTime;
import org.sharedict.rota.schedule.Layer;

/** The API's shapes for swap requests. */
public final class SwapRequestDtos {

    private SwapRequestDtos() {}

    /** What the caller may do with a request now; the screen shows only these. */
    public enum Action {
        ACCEPT,
        DECLINE,
        CANCEL,
        IMPOSE
    }

    /**
     * Ask the member scheduled for the period holding {@code second} to take the caller's period
     * holding {@code first} in exchange.
     */
    public record SwapRequestInput(
            @NotNull Long rotaId,
            @Schema(description = "PRIMARY when left out") Layer layer,

            @NotNull @SupportedTime @Schema(description = "Any instant in the caller's own rotation period")
            Instant first,

            @NotNull @SupportedTime @Schema(description = "Any instant in the other member's rotation period")
            Instant second,

            @Size(max = 500) String reason) {}

    /** A person named on a request, with the rotation period they are scheduled for. */
    public record Side(
            long personId,

            @Schema(nullable = true, description = "Null when rota-service does not know the person")
            String name,

            @Schema(description = "The instant naming the period")
            Instant at,

            @Schema(description = "When the period starts") Instant from,
            @Schema(description = "When the period ends") Instant until) {}

    public record SwapRequestView(
            long id,
            long rotaId,
            String rotaName,
            Layer layer,

            @Schema(description = "Who asked, and their period")
            Side requester,

            @Schema(description = "Who is asked, and their period")
            Side responder,

            @Schema(nullable = true) String reason,

            @Schema(description = "EXPIRED once the first of the two shifts starts while still pending")
            SwapRequest.Status status,

            @Schema(description = "When a pending request expires: the start of the first of the two shifts")
            Instant expiresAt,

            String createdBy,
            Instant createdAt,

            @Schema(nullable = true, description = "Who accepted, declined, cancelled or imposed it")
            String decidedBy,

            @Schema(nullable = true) Instant decidedAt,

            @Schema(nullable = true, description = "The swap made when it was accepted or imposed")
            Long swapId,

            @Schema(description = "What the caller may do with it now")
            List<Action> actions) {}
}
