package org.sharedict.skills.reports;

import java.util.ArrayList;
import java.util.List;

import org.sharedict.platform.csv.Csv;
import org.sharedict.skills.reports.ReportDtos.Backup;
import org.sharedict.skills.reports.ReportDtos.CoverageCell;
import org.sharedict.skills.reports.ReportDtos.CoverageReport;
import org.sharedict.skills.reports.ReportDtos.CoverageRow;
import org.sharedict.skills.reports.ReportDtos.KeyPersonReport;
import org.sharedict.skills.reports.ReportDtos.KeyPersonRisk;
import org.sharedict.skills.reports.ReportDtos.PartnerRisks;
import org.sharedict.skills.reports.ReportDtos.StaleEntry;
import org.sharedict.skills.reports.ReportDtos.StaleReport;

/**
 * The skills reports as CSV, one row per line a spreadsheet user would filter on: the JSON's
 * nesting is flattened here, so the resource only chooses the format. {@link Csv} guards formula cells.
 */
final class ReportCsv {

    private ReportCsv() {}

    /** One row per single-person skill: the partnership's first ({@code PARTNERSHIP}), then each partner's. */
    static String keyPersonRisk(KeyPersonReport r) {
        List<List<?>> rows = new ArrayList<>();
        for (KeyPersonRisk k : r.partnership()) {
            rows.add(riskRow("PARTNERSHIP", k));
        }
        for (PartnerRisks p : r.partners()) {
            for (KeyPersonRisk k : p.items()) {
                rows.add(riskRow(p.partner(), k));
            }
        }
        return Csv.write(
                List.of(
                        "scope",
                        "skill",
                        "skill_name",
                        "category",
                        "holder_id",
                        "holder_name",
                        "holder_partner",
                        "level",
                        "verified",
                        "backup_partners"),
                rows);
    }

    private static List<?> riskRow(String scope, KeyPersonRisk k) {
        String backups = String.join(
                "; ",
                k.backups().stream()
                        .map((Backup b) -> b.partner() + " (" + b.holders() + ", best level " + b.bestLevel() + ")")
                        .toList());
        return List.of(
                scope,
                k.skill(),
                k.name(),
                k.category(),
                k.holder() == null ? "" : k.holder().id(),
                k.holder() == null ? "" : k.holder().name(),
                k.holder() == null ? "" : k.holder().partner(),
                k.holder() == null ? "" : k.holder().level(),
                k.holder() != null && k.holder().verified(),
                backups);
    }

    /** One row per skill and partner, with the counts at each level. */
    static String coverage(CoverageReport r) {
        List<List<?>> rows = new ArrayList<>();
        for (CoverageRow row : r.rows()) {
            for (CoverageCell c : row.cells()) {
                rows.add(List.of(
                        row.skill(),
                        row.name(),
                        row.category(),
                        c.partner(),
                        c.byLevel()[0],
                        c.byLevel()[1],
                        c.byLevel()[2],
                        c.byLevel()[3],
                        c.byLevel()[4],
                        c.total()));
            }
        }
        return Csv.write(
                List.of(
                        "skill",
                        "skill_name",
                        "category",
                        "partner",
                        "level_1",
                        "level_2",
                        "level_3",
                        "level_4",
                        "level_5",
                        "total"),
                rows);
    }

    /** One row per person, their stale skills space-separated. */
    static String stale(StaleReport r) {
        List<List<?>> rows = new ArrayList<>();
        for (StaleEntry e : r.items()) {
            rows.add(List.of(
                    e.person().id(),
                    e.person().name(),
                    e.person().partner(),
                    e.person().email(),
                    e.lastConfirmed() == null ? "" : e.lastConfirmed(),
                    e.profileStale(),
                    String.join(" ", e.staleSkills()),
                    e.oldestSkillConfirmation() == null ? "" : e.oldestSkillConfirmation()));
        }
        return Csv.write(
                List.of(
                        "person_id",
                        "name",
                        "partner",
                        "email",
                        "last_confirmed",
                        "profile_stale",
                        "stale_skills",
                        "oldest_skill_confirmation"),
                rows);
    }
}
