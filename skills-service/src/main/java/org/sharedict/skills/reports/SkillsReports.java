package org.sharedict.skills.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.reports.ReportDtos.Backup;
import org.sharedict.skills.reports.ReportDtos.CoverageCell;
import org.sharedict.skills.reports.ReportDtos.CoverageReport;
import org.sharedict.skills.reports.ReportDtos.CoverageRow;
import org.sharedict.skills.reports.ReportDtos.Holder;
import org.sharedict.skills.reports.ReportDtos.KeyPersonReport;
import org.sharedict.skills.reports.ReportDtos.KeyPersonRisk;
import org.sharedict.skills.reports.ReportDtos.PartnerRef;
import org.sharedict.skills.reports.ReportDtos.PartnerRisks;
import org.sharedict.skills.reports.ReportPartners.Partner;
import org.sharedict.skills.taxonomy.Taxonomy;
import org.sharedict.skills.taxonomy.TaxonomyCache;

/**
 * The skills reports, each from one or two aggregate queries over person_skill: they read the
 * whole partnership at once, so they aggregate in SQL and assemble in Java. Stale entries are
 * {@link StaleReports}.
 */
@ApplicationScoped
public class SkillsReports {

    private final DataSource dataSource;
    private final TaxonomyCache taxonomy;
    private final Clock clock;

    SkillsReports(DataSource dataSource, TaxonomyCache taxonomy, Clock clock) {
        this.dataSource = dataSource;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** Holders of one skill at one partner. */
    private static final class Count {
        int holders;
        int best;
        long onePerson;
    }

    public KeyPersonReport keyPersonRisk(String partnerCode, int minLevel) {
        try (Connection con = dataSource.getConnection()) {
            Map<Long, Partner> partners = ReportPartners.all(con);
            Partner only =
                    partnerCode == null || partnerCode.isBlank() ? null : ReportPartners.byCode(partners, partnerCode);
            Map<Long, Map<Long, Count>> bySkill = new TreeMap<>();
            String sql = "SELECT ps.skill_id, p.partner_id, COUNT(*), MAX(ps.level), MIN(p.id) "
                    + "FROM person_skill ps JOIN person p ON p.id = ps.person_id WHERE ps.level >= ? GROUP BY ps.skill_id, p.partner_id";
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setInt(1, minLevel);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Count c = new Count();
                        c.holders = rs.getInt(3);
                        c.best = rs.getInt(4);
                        c.onePerson = rs.getLong(5);
                        bySkill.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                                .put(rs.getLong(2), c);
                    }
                }
            }
            Taxonomy tax = taxonomy.current();
            // Which (person, skill) pairs are single holders, to read their level and verification in one go.
            Map<String, Holder> holders = singleHolders(con, bySkill, minLevel);

            List<KeyPersonRisk> partnership = new ArrayList<>();
            Map<Long, List<KeyPersonRisk>> perPartner = new HashMap<>();
            for (var e : bySkill.entrySet()) {
                long skillId = e.getKey();
                Taxonomy.Entry skill = tax.byId(skillId).orElse(null);
                if (skill == null) {
                    continue;
                }
                Map<Long, Count> counts = e.getValue();
                int total = counts.values().stream().mapToInt(c -> c.holders).sum();
                if (total == 1) {
                    Count c = counts.values().iterator().next();
                    partnership.add(new KeyPersonRisk(
                            skill.code(),
                            skill.name(),
                            skill.categoryCode(),
                            holders.get(c.onePerson + "/" + skillId),
                            List.of()));
                }
                for (var pc : counts.entrySet()) {
                    if (pc.getValue().holders != 1 || only != null && only.id() != pc.getKey()) {
                        continue;
                    }
                    List<Backup> backups = counts.entrySet().stream()
                            .filter(o -> !o.getKey().equals(pc.getKey()))
                            .map(o -> new Backup(
                                    partners.get(o.getKey()).code(),
                                    partners.get(o.getKey()).name(),
                                    o.getValue().holders,
                                    o.getValue().best))
                            .sorted(Comparator.comparingInt(Backup::holders)
                                    .reversed()
                                    .thenComparing(Comparator.comparingInt(Backup::bestLevel)
                                            .reversed())
                                    .thenComparing(Backup::partner))
                            .toList();
                    perPartner
                            .computeIfAbsent(pc.getKey(), k -> new ArrayList<>())
                            .add(new KeyPersonRisk(
                                    skill.code(),
                                    skill.name(),
                                    skill.categoryCode(),
                                    holders.get(pc.getValue().onePerson + "/" + skillId),
                                    backups));
                }
            }
            Comparator<KeyPersonRisk> byCode = Comparator.comparing(KeyPersonRisk::skill);
            partnership.sort(byCode);
            List<PartnerRisks> sections = new ArrayList<>();
            for (Partner p : partners.values()) {
                if (only != null && only.id() != p.id()) {
                    continue;
                }
                List<KeyPersonRisk> items = new ArrayList<>(perPartner.getOrDefault(p.id(), List.of()));
                // Skills nobody else can back up first: they are the real exposure.
                items.sort(
                        Comparator.comparing((KeyPersonRisk r) -> !r.backups().isEmpty())
                                .thenComparing(byCode));
                sections.add(new PartnerRisks(p.code(), p.name(), items.size(), items));
            }
            sections.sort(Comparator.comparing(PartnerRisks::partner));
            return new KeyPersonReport(today(), minLevel, partnership, sections);
        } catch (SQLException e) {
            throw new IllegalStateException("Key-person report failed", e);
        }
    }

    private static Map<String, Holder> singleHolders(Connection con, Map<Long, Map<Long, Count>> bySkill, int minLevel)
            throws SQLException {
        Map<String, Holder> out = new HashMap<>();
        List<long[]> pairs = new ArrayList<>();
        for (var e : bySkill.entrySet()) {
            for (Count c : e.getValue().values()) {
                if (c.holders == 1) {
                    pairs.add(new long[] {c.onePerson, e.getKey()});
                }
            }
        }
        if (pairs.isEmpty()) {
            return out;
        }
        String sql = "SELECT ps.person_id, ps.skill_id, p.name, pa.code, ps.level, ps.verified_at IS NOT NULL "
                + "FROM person_skill ps JOIN person p ON p.id = ps.person_id JOIN partner pa ON pa.id = p.partner_id "
                + "WHERE ps.level >= ? AND ps.person_id IN ("
                + marks(pairs.stream().map(p -> p[0]).distinct().count()) + ")";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setInt(1, minLevel);
            int i = 2;
            for (Long id : pairs.stream().map(p -> p[0]).distinct().toList()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1) + "/" + rs.getLong(2),
                            new Holder(
                                    rs.getLong(1), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6)));
                }
            }
        }
        return out;
    }

    public CoverageReport coverage(String category) {
        try (Connection con = dataSource.getConnection()) {
            Map<Long, Partner> partners = ReportPartners.all(con);
            List<Partner> ordered = partners.values().stream()
                    .sorted(Comparator.comparing(Partner::code))
                    .toList();
            Map<Long, Integer> column = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                column.put(ordered.get(i).id(), i);
            }
            Map<Long, int[][]> counts = new HashMap<>();
            String sql = "SELECT ps.skill_id, p.partner_id, ps.level, COUNT(*) FROM person_skill ps "
                    + "JOIN person p ON p.id = ps.person_id GROUP BY ps.skill_id, p.partner_id, ps.level";
            try (PreparedStatement ps = con.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[][] grid = counts.computeIfAbsent(rs.getLong(1), k -> new int[ordered.size()][5]);
                    grid[column.get(rs.getLong(2))][rs.getInt(3) - 1] = rs.getInt(4);
                }
            }
            Taxonomy tax = taxonomy.current();
            String cat = category == null || category.isBlank()
                    ? null
                    : category.trim().toUpperCase(Locale.ROOT);
            if (cat != null && !categoryExists(con, cat)) {
                throw ProblemException.invalid("category", "no skill category has the code '" + category + "'");
            }
            List<CoverageRow> rows = new ArrayList<>();
            for (Taxonomy.Entry skill : allSkills(tax)) {
                if (cat != null && !cat.equals(skill.categoryCode())) {
                    continue;
                }
                int[][] grid = counts.getOrDefault(skill.id(), new int[ordered.size()][5]);
                List<CoverageCell> cells = new ArrayList<>();
                int total = 0;
                int covering = 0;
                for (int i = 0; i < ordered.size(); i++) {
                    int sum = 0;
                    for (int n : grid[i]) {
                        sum += n;
                    }
                    total += sum;
                    covering += sum > 0 ? 1 : 0;
                    cells.add(new CoverageCell(ordered.get(i).code(), sum, grid[i].clone()));
                }
                rows.add(new CoverageRow(skill.code(), skill.name(), skill.categoryCode(), total, covering, cells));
            }
            return new CoverageReport(
                    today(),
                    ordered.stream()
                            .map(p -> new PartnerRef(p.code(), p.name()))
                            .toList(),
                    rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Coverage report failed", e);
        }
    }

    private LocalDate today() {
        return Dates.today(clock);
    }

    private static List<Taxonomy.Entry> allSkills(Taxonomy tax) {
        List<Taxonomy.Entry> all = new ArrayList<>();
        tax.forEach(all::add);
        all.sort(Comparator.comparing(Taxonomy.Entry::categoryCode).thenComparing(Taxonomy.Entry::code));
        return all;
    }

    private static boolean categoryExists(Connection con, String code) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT 1 FROM skill_category WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String marks(long n) {
        return String.join(",", Collections.nCopies((int) n, "?"));
    }
}
