package org.sharedict.skills.search;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.search.Like;
import org.sharedict.skills.directory.PartnerCodes;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.Params;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.search.ExpertDtos.ExpertPage;
import org.sharedict.skills.search.ExpertDtos.ExpertPerson;
import org.sharedict.skills.search.ExpertDtos.ExpertView;
import org.sharedict.skills.search.ExpertDtos.ResolvedTerm;
import org.sharedict.skills.search.ExpertDtos.Suggestion;
import org.sharedict.skills.taxonomy.Taxonomy;
import org.sharedict.skills.taxonomy.TaxonomyCache;
import org.sharedict.skills.taxonomy.Terms;

/**
 * Expert search. Terms resolve against the in-memory taxonomy; the requested skills' holdings
 * are read from a covering index (no table rows) and, for {@code match=all}, intersected here;
 * only the remaining candidates' person rows are read (by primary key, with the person filters
 * and their certifications' expiry, and their contact details when they are few); ranking
 * happens here ({@link Ranking}); otherwise contact details are read for the answered page only.
 * Partner codes resolve in memory ({@link PartnerCodes}). Plain JDBC: read-only, no entities,
 * two short round trips for a typical search.
 */
@ApplicationScoped
public class ExpertSearch {

    /** Largest IN list sent at once. */
    private static final int ID_CHUNK = 2000;

    @Inject
    DataSource dataSource;

    @Inject
    TaxonomyCache taxonomy;

    @Inject
    SkillsConfig config;

    @Inject
    Clock clock;

    @Inject
    PartnerCodes partnerCodes;

    /** Contact details of this many candidates or fewer come with the candidate query, saving a round trip. */
    private static final int WIDE_LIMIT = 500;

    public ExpertPage search(ExpertQuery query, PageRequest page) {
        String match = query.match == null ? "all" : query.match.trim().toLowerCase(Locale.ROOT);
        if (!match.equals("all") && !match.equals("any")) {
            throw ProblemException.invalid("match", "must be 'all' or 'any'");
        }
        List<String> terms = nonBlank(query.skill);
        if (terms.size() > 10) {
            throw ProblemException.invalid("skill", "at most 10 skills per search");
        }
        List<String> words = words(query.q);
        if (terms.isEmpty() && words.isEmpty()) {
            throw ProblemException.invalid("skill", "give at least one skill (code, name or alias), or q");
        }
        if (page.sort != null && !page.sort.isBlank()) {
            throw ProblemException.invalid("sort", "expert results are always ranked best first");
        }
        Taxonomy tax = taxonomy.current();
        List<ResolvedTerm> resolved = new ArrayList<>();
        Map<Long, Ranking.Wanted> wanted = new LinkedHashMap<>();
        resolve(tax, terms, resolved, wanted);

        LocalDate today = Dates.today(clock);
        LocalDate staleBefore = today.minusMonths(config.staleAfterMonths());
        try (Connection con = dataSource.getConnection()) {
            Set<Long> include = partnerIds("partner", nonBlank(query.partner));
            Set<Long> exclude = partnerIds("excludePartner", nonBlank(query.excludePartner));
            List<Object> params = new ArrayList<>();
            Map<Long, ExpertPerson> contacts = new HashMap<>();
            String personFilter = personFilter(query, include, exclude, words, tax, today, params);
            Map<Long, Ranking.Candidate> candidates = wanted.isEmpty()
                    ? peopleByText(con, personFilter, params)
                    : holders(con, wanted.keySet(), query.minLevel, match.equals("all"), personFilter, params, today, contacts);
            List<Ranking.Wanted> asked = List.copyOf(wanted.values());
            List<Ranking.Ranked> ranked = new ArrayList<>(candidates.size());
            for (Ranking.Candidate c : candidates.values()) {
                ranked.add(Ranking.rank(c, asked, today, staleBefore, config.staleAfterMonths()));
            }
            ranked.sort(Ranking.ORDER);
            int from = (int) Math.min((long) page.page * page.size, ranked.size());
            int to = Math.min(from + page.size, ranked.size());
            List<Ranking.Ranked> slice = ranked.subList(from, to);
            List<Long> missingContacts = slice.stream().map(Ranking.Ranked::personId).filter(id -> !contacts.containsKey(id)).toList();
            contacts.putAll(contacts(con, missingContacts));
            List<ExpertView> items = slice.stream()
                    .map(r -> new ExpertView(contacts.get(r.personId()), r.score(), r.matched(), r.missing(), r.reasons(),
                            r.stale(), r.available()))
                    .toList();
            return new ExpertPage(items, page.page, page.size, ranked.size(), (ranked.size() + page.size - 1) / page.size,
                    resolved, match, query.minLevel);
        } catch (SQLException e) {
            throw new IllegalStateException("Expert search failed", e);
        }
    }

    /** Resolves every term; any unknown term fails the search, naming it and suggesting the closest skills. */
    private void resolve(Taxonomy tax, List<String> terms, List<ResolvedTerm> resolved, Map<Long, Ranking.Wanted> wanted) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, List<Suggestion>> suggestions = new LinkedHashMap<>();
        for (String term : terms) {
            Taxonomy.Resolution r = tax.resolve(term, config.search().maxTypos(), config.search().suggestions());
            if (r instanceof Taxonomy.Resolved ok) {
                resolved.add(new ResolvedTerm(term, ok.skill().code(), ok.skill().name(), ok.how().name().toLowerCase(Locale.ROOT)));
                wanted.putIfAbsent(ok.skill().id(), new Ranking.Wanted(ok.skill().id(), ok.skill().code(), ok.skill().name()));
            } else if (r instanceof Taxonomy.Unresolved u) {
                List<Suggestion> near = u.suggestions().stream().map(e -> new Suggestion(e.code(), e.name())).toList();
                suggestions.put(term, near);
                String hint = near.isEmpty() ? "; see GET /api/skills for the taxonomy"
                        : "; did you mean " + String.join(" or ", near.stream()
                                .map(s -> s.name() + " (" + s.code() + ")").toList()) + "?";
                errors.add(new Problem.FieldError("skill", "no skill matches '" + term + "'" + hint, term));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors).with("suggestions", suggestions);
        }
    }

    private Set<Long> partnerIds(String field, List<String> codes) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            partnerCodes.id(code).ifPresentOrElse(ids::add, () -> unknown.add(code.trim().toUpperCase(Locale.ROOT)));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(field, "no partner has the code " + String.join(", ", unknown));
        }
        return ids;
    }

    /** SQL conditions on person {@code p}, with their parameters appended to {@code params}. */
    private static String personFilter(ExpertQuery q, Set<Long> include, Set<Long> exclude, List<String> words,
            Taxonomy tax, LocalDate today, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!include.isEmpty()) {
            sql.append(" AND p.partner_id IN (").append(marks(include.size())).append(")");
            params.addAll(include);
        }
        if (!exclude.isEmpty()) {
            sql.append(" AND p.partner_id NOT IN (").append(marks(exclude.size())).append(")");
            params.addAll(exclude);
        }
        Boolean available = Params.bool("available", q.available);
        Boolean outOfHours = Params.bool("outOfHours", q.outOfHours);
        if (available != null) {
            sql.append(available ? " AND " : " AND NOT ")
                    .append("(p.help_other_partners AND (p.unavailable_until IS NULL OR p.unavailable_until <= ?))");
            params.add(Date.valueOf(today));
        }
        if (outOfHours != null) {
            sql.append(" AND p.out_of_hours = ?");
            params.add(outOfHours);
        }
        for (String word : words) {
            String like = "%" + Like.escape(word) + "%";
            sql.append(" AND (p.name LIKE ?" + Like.ESCAPE + " OR p.job_title LIKE ?" + Like.ESCAPE
                    + " OR p.team LIKE ?" + Like.ESCAPE + " OR p.site LIKE ?" + Like.ESCAPE);
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
            Set<Long> skillIds = tax.idsContaining(Terms.key(word));
            if (!skillIds.isEmpty()) {
                sql.append(" OR EXISTS (SELECT 1 FROM person_skill x WHERE x.person_id = p.id AND x.skill_id IN (")
                        .append(marks(skillIds.size())).append("))");
                params.addAll(skillIds);
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
    private static Map<Long, Ranking.Candidate> holders(Connection con, Collection<Long> skillIds, int minLevel, boolean all,
            String personFilter, List<Object> filterParams, LocalDate today, Map<Long, ExpertPerson> contacts) throws SQLException {
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
        for (int i = 0; i < n;) {
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
                    // The latest expiry of a certification for this skill (never-expiring counts as 9999), from its index.
                    + "(SELECT MAX(COALESCE(c.expires, DATE '9999-12-31')) FROM certification c "
                    + "WHERE c.skill_id = ps.skill_id AND c.person_id = p.id)"
                    + (wide ? ", " + CONTACT_COLUMNS : "")
                    + " FROM person p JOIN person_skill ps ON ps.person_id = p.id AND ps.skill_id IN (" + marks(skillIds.size())
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
                            c = new Ranking.Candidate(id, rs.getString(2), rs.getBoolean(3), rs.getInt(4), localDate(rs, 5),
                                    rs.getString(6), localDate(rs, 7), new HashMap<>(4));
                            out.put(id, c);
                            if (wide) {
                                contacts.put(id, contact(rs, 13));
                            }
                        }
                        long skillId = rs.getLong(8);
                        LocalDate expires = localDate(rs, 12);
                        Boolean certification = expires == null ? null : !expires.isBefore(today);
                        c.held().put(skillId, new Ranking.Held(skillId, rs.getInt(9), rs.getBoolean(10), certification,
                                localDate(rs, 11)));
                    }
                }
            }
        }
        return out;
    }

    private static Map<Long, Ranking.Candidate> peopleByText(Connection con, String personFilter, List<Object> params)
            throws SQLException {
        String sql = "SELECT p.id, p.name, p.help_other_partners, p.help_hours_per_month, p.unavailable_until, "
                + "p.unavailable_reason, p.last_confirmed FROM person p WHERE 1 = 1" + personFilter;
        Map<Long, Ranking.Candidate> out = new HashMap<>();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Ranking.Candidate(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                            localDate(rs, 5), rs.getString(6), localDate(rs, 7), Map.of()));
                }
            }
        }
        return out;
    }

    /** The contract's person fields, read from {@code p} (person) and {@code pa} (partner). */
    private static final String CONTACT_COLUMNS = "p.id, p.name, pa.code, pa.name, p.job_title, p.email, p.work_phone, p.mobile, "
            + "p.help_other_partners, p.help_hours_per_month, p.out_of_hours, p.team, p.site, p.manager, "
            + "p.unavailable_until, p.unavailable_reason, p.last_confirmed";

    private static ExpertPerson contact(ResultSet rs, int at) throws SQLException {
        return new ExpertPerson(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3),
                rs.getString(at + 4), rs.getString(at + 5), rs.getString(at + 6), rs.getString(at + 7), rs.getBoolean(at + 8),
                rs.getInt(at + 9), rs.getBoolean(at + 10), rs.getString(at + 11), rs.getString(at + 12), rs.getBoolean(at + 13),
                localDate(rs, at + 14), rs.getString(at + 15), localDate(rs, at + 16));
    }

    private static Map<Long, ExpertPerson> contacts(Connection con, List<Long> ids) throws SQLException {
        Map<Long, ExpertPerson> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String sql = "SELECT " + CONTACT_COLUMNS + " FROM person p JOIN partner pa ON pa.id = p.partner_id WHERE p.id IN ("
                + marks(ids.size()) + ")";
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
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                // Accept both ?skill=A&skill=B and ?skill=A,B.
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static List<String> words(String q) {
        List<String> out = new ArrayList<>();
        if (q != null) {
            for (String w : q.trim().split("\\s+")) {
                if (!w.isBlank()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
