package org.sharedict.skills.reports;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of the skills reports. */
public final class ReportDtos {

    private ReportDtos() {}

    public record Holder(long id, String name, String partner, int level, boolean verified) {}

    /** Another partner that holds the skill: how many people, at best which level. */
    public record Backup(String partner, String partnerName, int holders, int bestLevel) {}

    public record KeyPersonRisk(String skill, String name, String category, Holder holder, List<Backup> backups) {}

    public record PartnerRisks(String partner, String partnerName, int singlePersonSkills, List<KeyPersonRisk> items) {}

    /**
     * {@code partnership}: skills the whole partnership holds in one person. {@code partners}:
     * per partner, skills it holds in one person, with the other partners that could back it up.
     */
    public record KeyPersonReport(
            LocalDate generatedOn, int minLevel, List<KeyPersonRisk> partnership, List<PartnerRisks> partners) {}

    public record PartnerRef(String code, String name) {}

    /** People holding the skill at one partner: {@code byLevel[0]} is level 1 … {@code byLevel[4]} level 5. */
    public record CoverageCell(String partner, int total, int[] byLevel) {}

    public record CoverageRow(
            String skill, String name, String category, int total, int partnersCovering, List<CoverageCell> cells) {}

    public record CoverageReport(LocalDate generatedOn, List<PartnerRef> partners, List<CoverageRow> rows) {}

    public record StalePerson(long id, String name, String partner, String email, boolean manager) {}

    public record StaleEntry(
            StalePerson person,
            @Schema(nullable = true) LocalDate lastConfirmed,
            boolean profileStale,
            List<String> staleSkills,
            @Schema(nullable = true) LocalDate oldestSkillConfirmation) {}

    public record StaleReport(
            LocalDate generatedOn,
            int months,
            LocalDate confirmedBefore,
            List<StaleEntry> items,
            int page,
            int size,
            long totalItems,
            int totalPages) {}
}
