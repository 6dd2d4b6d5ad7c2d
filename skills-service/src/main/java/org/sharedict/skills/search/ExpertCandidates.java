package org.sharedict.skills.search;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sharedict.platform.search.Like;
import org.sharedict.skills.search.ExpertDtos.ExpertPerson;

/**
 * The SQL of expert search: reading candidates and their holdings (plain JDBC, read-only, no
 * entities). It builds its statements from values the search has already parsed and resolved
 * ({@link ExpertQuery}, {@link PersonFilter}) and checks nothing again.
 */
final class ExpertCandidates {

    /** Largest IN list sent at once. */
    private static final int ID_CHUNK = 2000;

    /** Contact details of this many candidates or fewer come with the candidate query, saving a round trip. */
    private static final int WIDE_LIMIT = 500;

    /** A free-text word, and the skills whose code, name or an alias contains it (a holder of one matches too). */
    record Word(String text, Set<Long> skillIds) {}

    /** The conditions on the person, resolved: partner IDs, availability on {@code today}, free-text words. */
    record PersonFilter(
            Set<Long> partners,
            Set<Long> excludedPartners,
            Boolean available,
            Boolean outOfHours,
            List<Word> words,
            LocalDate today) {}

    private ExpertCandidates() {}

    /** SQL conditions on person {@code p}, with their parameters appended to {@code params}. */
    static String personFilter(PersonFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!f.partners().isEmpty()) {
            sql.append(" AND p.partner_id IN (")
                    .append(marks(f.partners().size()))
                    .append(")");
            params.addAll(f.partners());
        }
        if (!f.excludedPartners().isEmpty()) {
            sql.append(" AND p.partner_id NOT IN (")
                    .append(marks(f.excludedPartners().size()))
                    .append(")");
            params.addAll(f.excludedPartners());
        }
        if (f.available() != null) {
            sql.append(f.available() ? " AND " : " AND NOT ")
                    .append("(p.help_other_partners AND (p.unavailable_until IS NULL OR p.unavailable_until <= ?))");
            params.add(Date.valueOf(f.today()));
        }
        if (f.outOfHours() != null) {
            sql.append(" AND p.out_of_hours = ?");
            params.add(f.outOfHours());
        }
        for (Word word : f.words()) {
            String like = "%" + Like.escape(word.text()) + "%";
            sql.append(" AND (p.name LIKE ?" + Like.ESCAPE + " OR p.job_title LIKE ?" + Like.ESCAPE
                    + " OR p.team LIKE ?" + Like.ESCAPE + " OR p.site LIKE ?" + Like.ESCAPE);
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
            if (!word.skillIds().isEmpty()) {
                sql.append(" OR EXISTS (SELECT 1 FROM person_skill x WHERE x.person_id = p.id AND x.skill_id IN (")
                        .append(marks(word.skillIds().size()))
                        .append("))");
                params.addAll(word.skillIds());
            }
            sql.append(")");
        }
        return sql.toString();
    }

    /**
     * Two steps, so that rows are read in full only for real candidates. First the people
     * holding the skills, from the covering index alone (two integers a row, no table rows),
     * intersected here for {@code match=all} by counting; then those people with their holdings,
     * by primary key, with the person filters applied.
     */
    static Map<Long, Ranking.Candidate> holders(
            Connection con,
            Collection<Long> skillIds,
            int minLevel,
            boolean all,
            String personFilter,
            List<Object> filterParams,
            LocalDate today,
            Map<Long, ExpertPerson> contacts)
            throws SQLException {
        long[] holders = new long[256];
        int n = 0;
        try (PreparedStatement ps = con.prepareStatement("SELECT person_id FROM person_skill WHERE skill_id IN ("
                + marks(skillIds.size()) + ") AND level >= ?")) {
            List<Object> params = new ArrayList<>(skillIds);
            params.add(minLevel);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == holders.length) {
                        holders = Arrays.copyOf(holders, n * 2);
                    }
                    holders[n++] = rs.getLong(1);
                }
            }
        }
        // Each (person, skill) pair is unique, so a person listed once per requested skill holds them all.
        Arrays.sort(holders, 0, n);
        int need = all ? skillIds.size() : 1;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && holders[j] == holders[i]) {
                j++;
            }
            if (j - i >= need) {
                ids.add(holders[i]);
            }
            i = j;
        }
        Map<Long, Ranking.Candidate> out = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            boolean wide = ids.size() <= WIDE_LIMIT;
            String sql = "SELECT p.id, p.name, p.help_other_partners, p.help_hours_per_month, p.unavailable_until, "
                    + "p.unavailable_reason, p.last_confirmed, ps.skill_id, ps.level, ps.verified_at IS NOT NULL, ps.last_confirmed, "
                    // The latest expiry of a certification for this skill (never-expiring counts as 9999), from its
                    // index.
                    + "(SELECT MAX(COALESCE(c.expires, DATE '9999-12-31')) FROM certification c "
                    + "WHERE c.skill_id = ps.skill_id AND c.person_id = p.id)"
                    + (wide ? ", " + CONTACT_COLUMNS : "")
                    + " FROM person p JOIN person_skill ps ON ps.person_id = p.id AND ps.skill_id IN ("
                    + marks(skillIds.size())
                    + ") AND ps.level >= ?" + (wide ? " JOIN partner pa ON pa.id = p.partner_id" : "")
                    + " WHERE p.id IN (" + marks(chunk.size()) + ")" + personFilter;
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                List<Object> params = new ArrayList<>(skillIds);
                params.add(minLevel);
                params.addAll(chunk);
                params.addAll(filterParams);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Ranking.Candidate c = out.get(id);
                        if (c == null) {
                            c = new Ranking.Candidate(
                                    id,
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getInt(4),
                                    localDate(rs, 5),
                                    rs.getString(6),
                                    localDate(rs, 7),
                                    new HashMap<>(4));
                            out.put(id, c);
                            if (wide) {
                                contacts.put(id, contact(rs, 13));
                            }
                        }
                        long skillId = rs.getLong(8);
                        LocalDate expires = localDate(rs, 12);
                        Boolean certification = expires == null ? null : !expires.isBefore(today);
                        c.held()
                                .put(
                                        skillId,
                                        new Ranking.Held(
                                                skillId,
                                                rs.getInt(9),
                                                rs.getBoolean(10),
                                                certification,
                                                localDate(rs, 11)));
                    }
                }
            }
        }
        return out;
    }

    static Map<Long, Ranking.Candidate> peopleByText(Connection con, String personFilter, List<Object> params)
            throws SQLException {
        String sql = "SELECT p.id, p.name, p.help_other_partners, p.help_hours_per_month, p.unavailable_until, "
                + "p.unavailable_reason, p.last_confirmed FROM person p WHERE 1 = 1" + personFilter;
        Map<Long, Ranking.Candidate> out = new HashMap<>();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new Ranking.Candidate(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getInt(4),
                                    localDate(rs, 5),
                                    rs.getString(6),
                                    localDate(rs, 7),
                                    Map.of()));
                }
            }
        }
        return out;
    }

    /** The contract's person fields, read from {@code p} (person) and {@code pa} (partner). */
    private static final String CONTACT_COLUMNS =
            "p.id, p.name, pa.code, pa.name, p.job_title, p.email, p.work_phone, p.mobile, "
                    + "p.help_other_partners, p.help_hours_per_month, p.out_of_hours, p.team, p.site, p.manager, "
                    + "p.unavailable_until, p.unavailable_reason, p.last_confirmed";

    private static ExpertPerson contact(ResultSet rs, int at) throws SQLException {
        return new ExpertPerson(
                rs.getLong(at),
                rs.getString(at + 1),
                rs.getString(at + 2),
                rs.getString(at + 3),
                rs.getString(at + 4),
                rs.getString(at + 5),
                rs.getString(at + 6),
                rs.getString(at + 7),
                rs.getBoolean(at + 8),
                rs.getInt(at + 9),
                rs.getBoolean(at + 10),
                rs.getString(at + 11),
                rs.getString(at + 12),
                rs.getBoolean(at + 13),
                localDate(rs, at + 14),
                rs.getString(at + 15),
                localDate(rs, at + 16));
    }

    static Map<Long, ExpertPerson> contacts(Connection con, List<Long> ids) throws SQLException {
        Map<Long, ExpertPerson> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String sql = "SELECT " + CONTACT_COLUMNS
                + " FROM person p JOIN partner pa ON pa.id = p.partner_id WHERE p.id IN (" + marks(ids.size()) + ")";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, new ArrayList<>(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), contact(rs, 1));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** Read as LocalDate directly: java.sql.Date goes through a Calendar, which showed in profiles. */
    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
