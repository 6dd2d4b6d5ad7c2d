package org.sharedict.skills.search;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** docs/ARCHITECTURE.md {@code ExpertView}: what rota-service and dr-planner read from /api/experts. */
public final class ExpertDtos {

    private ExpertDtos() {}

    /** The contract's person fields, then additions consumers may ignore. */
    public record ExpertPerson(
            long id,
            String name,
            String partner,
            String partnerName,
            @Schema(nullable = true) String jobTitle,
            String email,
            @Schema(nullable = true) String workPhone,
            @Schema(nullable = true) String mobile,
            boolean helpOtherPartners,
            int helpHoursPerMonth,
            boolean outOfHours,
            @Schema(nullable = true) String team,
            @Schema(nullable = true) String site,
            boolean manager,
            @Schema(nullable = true) LocalDate unavailableUntil,
            @Schema(nullable = true) String unavailableReason,
            @Schema(nullable = true) LocalDate lastConfirmed) {}

    public record ExpertView(
            ExpertPerson person,
            double score,
            List<Ranking.Match> matched,
            List<String> missing,
            List<String> reasons,
            boolean stale,
            boolean available) {}

    /** How each {@code skill} term was understood: by code, name, alias or as a typo. */
    public record ResolvedTerm(
            String term,
            String skill,
            String name,

            @Schema(enumeration = {"code", "name", "alias", "typo"})
            String matchedBy) {}

    /** The usual page shape, plus how the terms were understood and the search's settings. */
    public record ExpertPage(
            List<ExpertView> items,
            int page,
            int size,
            long totalItems,
            int totalPages,
            List<ResolvedTerm> skills,
            @Schema(enumeration = {"all", "any"}) String match,
            int minLevel) {}

    public record Suggestion(String code, String name) {}
}
