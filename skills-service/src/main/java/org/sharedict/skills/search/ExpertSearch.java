package org.sharedict.skills.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.directory.PartnerCodes;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.search.ExpertCandidates.PersonFilter;
import org.sharedict.skills.search.ExpertCandidates.Word;
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
 * are read from a covering index (no table rows) and, for {@code match=all}, intersected;
 * only the remaining candidates' person rows are read (by primary key, with the person filters
 * and their certifications' expiry, and their contact details when they are few); ranking
 * happens here ({@link Ranking}); otherwise contact details are read for the answered page only.
 * Partner codes resolve in memory ({@link PartnerCodes}). The SQL is {@link ExpertCandidates}:
 * read-only, no entities, two short round trips for a typical search.
 */
@ApplicationScoped
public class ExpertSearch {

    private final DataSource dataSource;
    private final TaxonomyCache taxonomy;
    private final SkillsConfig config;
    private final Clock clock;
    private final PartnerCodes partnerCodes;

    ExpertSearch(
            DataSource dataSource,
            TaxonomyCache taxonomy,
            SkillsConfig config,
            Clock clock,
            PartnerCodes partnerCodes) {
        this.dataSource = dataSource;
        this.taxonomy = taxonomy;
        this.config = config;
        this.clock = clock;
        this.partnerCodes = partnerCodes;
    }

    /** The page of people best matching {@code query}; an unknown term or partner code is a 400 naming it. */
    public ExpertPage search(ExpertQuery query, PageRequest page) {
        Taxonomy tax = taxonomy.current();
        List<ResolvedTerm> resolved = new ArrayList<>();
        Map<Long, Ranking.Wanted> wanted = new LinkedHashMap<>();
        resolve(tax, query.skills(), resolved, wanted);
        Set<Long> include = partnerIds("partner", query.partners());
        Set<Long> exclude = partnerIds("excludePartner", query.excludedPartners());
        List<Word> words = query.words().stream()
                .map(w -> new Word(w, tax.idsContaining(Terms.key(w))))
                .toList();

        LocalDate today = Dates.today(clock);
        LocalDate staleBefore = today.minusMonths(config.staleAfterMonths());
        PersonFilter filter = new PersonFilter(include, exclude, query.available(), query.outOfHours(), words, today);
        try (Connection con = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            Map<Long, ExpertPerson> contacts = new HashMap<>();
            String personFilter = ExpertCandidates.personFilter(filter, params);
            Map<Long, Ranking.Candidate> candidates = wanted.isEmpty()
                    ? ExpertCandidates.peopleByText(con, personFilter, params)
                    : ExpertCandidates.holders(
                            con,
                            wanted.keySet(),
                            query.minLevel(),
                            query.matchAll(),
                            personFilter,
                            params,
                            today,
                            contacts);
            List<Ranking.Wanted> asked = List.copyOf(wanted.values());
            List<Ranking.Ranked> ranked = new ArrayList<>(candidates.size());
            for (Ranking.Candidate c : candidates.values()) {
                ranked.add(Ranking.rank(c, asked, today, staleBefore, config.staleAfterMonths()));
            }
            ranked.sort(Ranking.ORDER);
            int from = (int) Math.min((long) page.page * page.size, ranked.size());
            int to = Math.min(from + page.size, ranked.size());
            List<Ranking.Ranked> slice = ranked.subList(from, to);
            List<Long> missingContacts = slice.stream()
                    .map(Ranking.Ranked::personId)
                    .filter(id -> !contacts.containsKey(id))
                    .toList();
            contacts.putAll(ExpertCandidates.contacts(con, missingContacts));
            List<ExpertView> items = slice.stream()
                    .map(r -> new ExpertView(
                            contacts.get(r.personId()),
                            r.score(),
                            r.matched(),
                            r.missing(),
                            r.reasons(),
                            r.stale(),
                            r.available()))
                    .toList();
            return new ExpertPage(
                    items,
                    page.page,
                    page.size,
                    ranked.size(),
                    (ranked.size() + page.size - 1) / page.size,
                    resolved,
                    query.match(),
                    query.minLevel());
        } catch (SQLException e) {
            throw new IllegalStateException("Expert search failed", e);
        }
    }

    /** Resolves every term; any unknown term fails the search, naming it and suggesting the closest skills. */
    private void resolve(
            Taxonomy tax, List<String> terms, List<ResolvedTerm> resolved, Map<Long, Ranking.Wanted> wanted) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, List<Suggestion>> suggestions = new LinkedHashMap<>();
        for (String term : terms) {
            Taxonomy.Resolution r = tax.resolve(
                    term, config.search().maxTypos(), config.search().suggestions());
            if (r instanceof Taxonomy.Resolved ok) {
                resolved.add(new ResolvedTerm(
                        term,
                        ok.skill().code(),
                        ok.skill().name(),
                        ok.how().name().toLowerCase(Locale.ROOT)));
                wanted.putIfAbsent(
                        ok.skill().id(),
                        new Ranking.Wanted(
                                ok.skill().id(), ok.skill().code(), ok.skill().name()));
            } else if (r instanceof Taxonomy.Unresolved u) {
                List<Suggestion> near = u.suggestions().stream()
                        .map(e -> new Suggestion(e.code(), e.name()))
                        .toList();
                suggestions.put(term, near);
                String hint = near.isEmpty()
                        ? "; see GET /api/skills for the taxonomy"
                        : "; did you mean "
                                + String.join(
                                        " or ",
                                        near.stream()
                                                .map(s -> s.name() + " (" + s.code() + ")")
                                                .toList()) + "?";
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
            partnerCodes
                    .id(code)
                    .ifPresentOrElse(ids::add, () -> unknown.add(code.trim().toUpperCase(Locale.ROOT)));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(field, "no partner has the code " + String.join(", ", unknown));
        }
        return ids;
    }
}
