package org.sharedict.skills.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.reports.ReportDtos.StaleEntry;
import org.sharedict.skills.reports.ReportDtos.StalePerson;
import org.sharedict.skills.reports.ReportDtos.StaleReport;
import org.sharedict.skills.reports.ReportPartners.Partner;

/**
 * Who has not confirmed their profile or a skill for a while (sharedict's stale period, six months
 * by default): one query for stale skills, one for people, assembled and paged in Java.
 */
@ApplicationScoped
public class StaleReports {

    private final DataSource dataSource;
    private final SkillsConfig config;
    private final Clock clock;

    StaleReports(DataSource dataSource, SkillsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    public StaleReport stale(Integer months, String partnerCode, int page, int size) {
        int m = months == null ? config.staleAfterMonths() : months;
        if (m < 1 || m > 120) {
            throw ProblemException.invalid("months", "must be 1 to 120");
        }
        LocalDate today = Dates.today(clock);
        LocalDate before = today.minusMonths(m);
        try (Connection con = dataSource.getConnection()) {
            Map<Long, Partner> partners = ReportPartners.all(con);
            Partner only =
                    partnerCode == null || partnerCode.isBlank() ? null : ReportPartners.byCode(partners, partnerCode);
            Map<Long, List<String>> staleSkills = new HashMap<>();
            Map<Long, LocalDate> oldest = new HashMap<>();
            String skillSql =
                    "SELECT ps.person_id, s.code, COALESCE(ps.last_confirmed, p.last_confirmed) FROM person_skill ps "
                            + "JOIN person p ON p.id = ps.person_id JOIN skill s ON s.id = ps.skill_id "
                            + "WHERE (COALESCE(ps.last_confirmed, p.last_confirmed) IS NULL OR COALESCE(ps.last_confirmed, p.last_confirmed) < ?)"
                            + (only == null ? "" : " AND p.partner_id = ?") + " ORDER BY s.code";
            try (PreparedStatement ps = con.prepareStatement(skillSql)) {
                ps.setDate(1, Date.valueOf(before));
                if (only != null) {
                    ps.setLong(2, only.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long person = rs.getLong(1);
                        staleSkills
                                .computeIfAbsent(person, k -> new ArrayList<>())
                                .add(rs.getString(2));
                        Date d = rs.getDate(3);
                        if (d != null) {
                            oldest.merge(person, d.toLocalDate(), (a, b) -> a.isBefore(b) ? a : b);
                        }
                    }
                }
            }
            List<StaleEntry> entries = new ArrayList<>();
            String personSql =
                    "SELECT p.id, p.name, p.partner_id, p.email, p.manager, p.last_confirmed FROM person p WHERE "
                            + (only == null ? "1 = 1" : "p.partner_id = ?");
            try (PreparedStatement ps = con.prepareStatement(personSql)) {
                if (only != null) {
                    ps.setLong(1, only.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Date d = rs.getDate(6);
                        LocalDate confirmed = d == null ? null : d.toLocalDate();
                        boolean profileStale = confirmed == null || confirmed.isBefore(before);
                        List<String> skills = staleSkills.getOrDefault(id, List.of());
                        if (profileStale || !skills.isEmpty()) {
                            entries.add(new StaleEntry(
                                    new StalePerson(
                                            id,
                                            rs.getString(2),
                                            partners.get(rs.getLong(3)).code(),
                                            rs.getString(4),
                                            rs.getBoolean(5)),
                                    confirmed,
                                    profileStale,
                                    skills,
                                    oldest.get(id)));
                        }
                    }
                }
            }
            // Longest unconfirmed first (never confirmed before all), then by name.
            entries.sort(Comparator.comparing(
                            (StaleEntry e) -> e.lastConfirmed(), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(e -> e.person().name().toLowerCase(Locale.ROOT))
                    .thenComparingLong(e -> e.person().id()));
            int from = (int) Math.min((long) page * size, entries.size());
            int to = Math.min(from + size, entries.size());
            return new StaleReport(
                    today, m, before, List.copyOf(entries.subList(from, to)), page, size, entries.size(), (int)
                            ((entries.size() + (long) size - 1) / size));
        } catch (SQLException e) {
            throw new IllegalStateException("Stale report failed", e);
        }
    }
}
