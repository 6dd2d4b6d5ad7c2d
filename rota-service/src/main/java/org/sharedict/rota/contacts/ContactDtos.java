package org.sharedict.rota.contacts;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contact-method and notification-rule API's shapes. */
public final class ContactDtos {

    private ContactDtos() {}

    /** {@code address}: an e-mail address; a UK mobile (SMS); a phone number (VOICE); a Teams or Slack webhook URL (https). */
    public record MethodInput(
            @NotNull MethodKind kind,
            @NotBlank @Size(max = 1000) String address,
            @Size(max = 100) String label) {}

    /** A change of label; the address and kind of a method are fixed (add a new one instead, it needs verifying). */
    public record MethodEdit(@Size(max = 100) String label) {}

    public record MethodView(
            long id,
            long personId,
            MethodKind kind,
            @Schema(description = "E.164 for SMS and voice") String address,
            @Schema(nullable = true) String label,
            boolean verified,
            @Schema(nullable = true) Instant verifiedAt,

            @Schema(description = "A code was sent and may still be typed back")
            boolean codePending,

            Instant createdAt,
            long version) {

        static MethodView of(ContactMethod m, Instant now) {
            return new MethodView(
                    m.id,
                    m.personId,
                    m.kind,
                    m.address,
                    m.label,
                    m.verifiedAt != null,
                    m.verifiedAt,
                    m.codeHash != null && m.codeExpiresAt != null && m.codeExpiresAt.isAfter(now),
                    m.createdAt,
                    m.version);
        }
    }

    public record CodeInput(
            @NotBlank @Pattern(regexp = "\\s*\\d{6}\\s*", message = "must be the 6 digits sent to you")
            String code) {}

    /** One rule: use method {@code methodId} {@code delayMinutes} after the page starts. */
    public record RuleInput(
            @NotNull Long methodId,

            @NotNull @Min(value = 0, message = "must be 0 or more") @Max(value = 60, message = "must be at most 60")
            Integer delayMinutes) {}

    /** Both urgencies' rules; an empty list means "the defaults" for that urgency. */
    public record RulesInput(
            @NotNull @Size(max = 20) List<@Valid @NotNull RuleInput> high,
            @NotNull @Size(max = 20) List<@Valid @NotNull RuleInput> low) {}

    public record RuleView(
            long methodId,
            MethodKind kind,
            String address,
            @Schema(nullable = true) String label,
            boolean verified,
            int delayMinutes) {}

    /**
     * The rules in force: the person's own, or the defaults (high: every verified method at once, voice
     * after 3 minutes; low: verified e-mail at once), and what happens with no verified method.
     */
    public record RulesView(
            long personId,
            List<RuleView> high,
            boolean highIsDefault,
            List<RuleView> low,
            boolean lowIsDefault,

            @Schema(description = "What pages do when no rule names a verified method")
            String fallback) {}
}
