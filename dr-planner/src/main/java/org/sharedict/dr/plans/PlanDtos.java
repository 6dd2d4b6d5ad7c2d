package org.sharedict.dr.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.Customisation.Additions;
import org.sharedict.dr.model.Customisation.Exclusion;
import org.sharedict.dr.model.Customisation.FieldOverride;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.PlanDiff;
import org.sharedict.dr.model.Rebase;
import org.sharedict.platform.partnership.Partnership;

/** The partner plan API's request and response shapes. */
public final class PlanDtos {

    private PlanDtos() {}

    public static final String PHONE = "^\\+?[0-9 ()-]{6,40}$";

    /** Who does what at this partner, and whom to call: printed with the plan. */
    public record Specifics(
            @Size(max = 200) List<@Valid @NotNull Owner> owners,
            @Size(max = 500) List<@Valid @NotNull Contact> contacts,
            @Size(max = 50) List<@Valid @NotNull Site> sites,
            @Size(max = 200) List<@Valid @NotNull Supplier> suppliers,
            @Valid Activation activation) {

        public Specifics {
            owners = owners == null ? List.of() : owners;
            contacts = contacts == null ? List.of() : contacts;
            sites = sites == null ? List.of() : sites;
            suppliers = suppliers == null ? List.of() : suppliers;
            activation = activation == null ? Activation.none() : activation;
        }

        public static Specifics none() {
            return new Specifics(List.of(), List.of(), List.of(), List.of(), Activation.none());
        }
    }

    /**
     * When the plan is invoked (NIST SP 800-34's activation criteria: the conditions in words and
     * their thresholds) and who may invoke it. No one named: the partner's DR leads and managers.
     */
    public record Activation(
            @Size(max = 50) List<@Valid @NotNull Criterion> criteria,
            @Size(max = 100) List<@Valid @NotNull Invoker> mayInvoke) {

        public Activation {
            criteria = criteria == null ? List.of() : criteria;
            mayInvoke = mayInvoke == null ? List.of() : mayInvoke;
        }

        public static Activation none() {
            return new Activation(List.of(), List.of());
        }
    }

    /** "A tier-1 system down" / "longer than 2 hours": what must have happened, and how much of it. */
    public record Criterion(
            @NotBlank
            @Pattern(regexp = org.sharedict.dr.model.Keys.PATTERN, message = org.sharedict.dr.model.Keys.MESSAGE)
            String key,

            @NotBlank @Size(max = 2000) String condition,
            @Size(max = 500) @Schema(nullable = true) String threshold) {

        /** The criterion in one line, as recorded on an invocation. */
        public String words() {
            return threshold == null || threshold.isBlank() ? condition : condition + " (" + threshold + ")";
        }
    }

    /**
     * A person (by username) or a role (held at the plan's partner: {@code dr-lead}, {@code manager},
     * {@code engineer}, or {@code admin} for partnership admins) who may invoke the plan.
     */
    public record Invoker(
            @Size(max = 120) @Schema(nullable = true) String username,

            @Pattern(
                    regexp = "dr-lead|manager|engineer|viewer|admin",
                    message = "must be dr-lead, manager, engineer, viewer or admin")
            @Schema(nullable = true)
            String role,

            @NotBlank @Size(max = 200) String name) {

        @AssertTrue(message = "name a username or a role, not both")
        @JsonIgnore
        @Schema(hidden = true)
        public boolean isPersonOrRole() {
            return (username == null || username.isBlank()) != (role == null);
        }
    }

    /** The person who owns an owner role (the role named on steps) at this partner. */
    public record Owner(
            @NotBlank @Size(max = 100) String role,
            @Min(1) @Schema(nullable = true) Long personId,
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) @Schema(nullable = true) String email,

            @Pattern(regexp = PHONE, message = "must be a phone number") @Schema(nullable = true)
            String phone) {}

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) @Schema(nullable = true) String organisation,
            @Size(max = 200) @Schema(nullable = true) String role,

            @Pattern(regexp = PHONE, message = "must be a phone number") @Schema(nullable = true)
            String phone,

            @Email @Size(max = 254) @Schema(nullable = true) String email,
            @Size(max = 2000) @Schema(nullable = true) String notes) {}

    public record Site(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) @Schema(nullable = true) String address,
            @Size(max = 100) @Schema(nullable = true) String kind,
            @Size(max = 2000) @Schema(nullable = true) String notes) {}

    public record Supplier(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) @Schema(nullable = true) String service,
            @Size(max = 100) @Schema(nullable = true) String contractRef,

            @Pattern(regexp = PHONE, message = "must be a phone number") @Schema(nullable = true)
            String phone,

            @Email @Size(max = 254) @Schema(nullable = true) String email,
            @Size(max = 2000) @Schema(nullable = true) String notes) {}

    public record NewPlan(
            @NotBlank @Pattern(regexp = Partnership.CODE, message = "must be a partner code")
            String partner,

            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) Long templateId,
            @Min(1) Integer templateVersion,
            LocalDate reviewDate,
            @Size(max = 200) String ownerName,
            @Email @Size(max = 254) String ownerEmail,
            @Valid Specifics specifics) {}

    public record PlanUpdate(
            @NotBlank @Size(max = 200) String name,
            LocalDate reviewDate,
            @Size(max = 200) String ownerName,
            @Email @Size(max = 254) String ownerEmail,
            @Valid Specifics specifics,
            Long version) {}

    public record CustomisationUpdate(
            @Size(max = 2000) List<@Valid @NotNull FieldOverride> overrides,
            @Valid Additions additions,
            @Size(max = 2000) List<@Valid @NotNull Exclusion> exclusions,
            Long version) {

        Customisation customisation() {
            return new Customisation(overrides, additions, exclusions);
        }
    }

    public record Decision(@Size(max = 2000) String note) {}

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {}

    public record RebaseRequest(@Min(1) Integer templateVersion, boolean dryRun, Long version) {}

    public record TemplateRef(
            long id,
            String code,
            String name,
            int version,
            @Schema(nullable = true) Integer latestPublishedVersion) {}

    public record PlanSummary(
            long id,
            String series,
            int revision,
            String partner,
            String name,
            Plan.Status status,
            TemplateRef template,
            @Schema(nullable = true) String ownerName,
            @Schema(nullable = true) String ownerEmail,
            @Schema(nullable = true) LocalDate reviewDate,
            boolean reviewOverdue,
            String author,
            @Schema(nullable = true) String approvedBy,
            @Schema(nullable = true) Instant approvedAt,
            long version,
            Instant updatedAt) {}

    public record PlanView(
            long id,
            String series,
            int revision,
            String partner,
            String name,
            Plan.Status status,
            TemplateRef template,
            @Schema(nullable = true) String ownerName,
            @Schema(nullable = true) String ownerEmail,
            @Schema(nullable = true) LocalDate reviewDate,
            boolean reviewOverdue,
            String author,
            @Schema(nullable = true) String submittedBy,
            @Schema(nullable = true) Instant submittedAt,
            @Schema(nullable = true) String approvedBy,
            @Schema(nullable = true) Instant approvedAt,
            @Schema(nullable = true) String approvalNote,
            @Schema(nullable = true) Instant supersededAt,

            @Schema(nullable = true, description = "What the last submission e-mailed the approvers; none before one")
            ApprovalMailView approvalMail,

            Customisation customisation,
            Specifics specifics,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * The e-mail a submission sends to everyone who may approve the plan: written at {@code at} to
     * {@code approversEmailed} of them, or {@code problem} says why nobody was told (the gateway's
     * user directory did not answer, or nobody who may approve has an address) — tell them yourself
     * or send it again.
     */
    public record ApprovalMailView(
            Instant at,
            int approversEmailed,
            @Schema(nullable = true) String problem) {}

    public record EffectiveView(
            long planId,
            int revision,
            Plan.Status status,
            TemplateRef template,
            int activityCount,
            int dependencyCount,
            List<EffectivePlan.EffectiveActivity> activities,
            List<EffectivePlan.Excluded> excluded) {}

    public record DiffView(
            long planId, TemplateRef template, int overridden, int added, int excluded, List<PlanDiff.Entry> changes) {}

    public record RebaseView(
            long planId,
            boolean applied,
            boolean dryRun,
            int fromTemplateVersion,
            int toTemplateVersion,
            int keptOverrides,
            int keptAdditions,
            int keptExclusions,
            List<Rebase.Conflict> conflicts,
            Long version) {}
}
