package org.sharedict.skills.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.QueryParams;

/**
 * An expert search as asked, read once at the edge from the request's parameters: every value
 * here is well-formed, so the search only resolves it (terms to skills, codes to partners) and
 * the SQL is built from it without checking again.
 *
 * @param skills           the skill terms, split at commas and trimmed; at most {@link #MAX_SKILLS}
 * @param minLevel         1 to 5
 * @param matchAll         every requested skill ({@code match=all}), or at least one
 * @param partners         partner codes to keep (none: every partner)
 * @param excludedPartners partner codes to leave out
 * @param available        only people available (true), only those who are not (false), or either (null)
 * @param outOfHours       only people who work out of hours (true), only those who do not (false), or either
 * @param words            free-text words, each of which must match
 */
public record ExpertQuery(
        List<String> skills,
        int minLevel,
        boolean matchAll,
        List<String> partners,
        List<String> excludedPartners,
        Boolean available,
        Boolean outOfHours,
        List<String> words) {

    public static final int MAX_SKILLS = 10;

    public ExpertQuery {
        skills = List.copyOf(skills);
        partners = List.copyOf(partners);
        excludedPartners = List.copyOf(excludedPartners);
        words = List.copyOf(words);
    }

    /** Reads the parameters (already checked for range by Bean Validation); a malformed one is a 400 naming it. */
    public static ExpertQuery parse(ExpertParams in, PageRequest page) {
        String match = in.match == null ? "all" : in.match.trim().toLowerCase(Locale.ROOT);
        if (!match.equals("all") && !match.equals("any")) {
            throw ProblemException.invalid("match", "must be 'all' or 'any'");
        }
        List<String> skills = nonBlank(in.skill);
        if (skills.size() > MAX_SKILLS) {
            throw ProblemException.invalid("skill", "at most " + MAX_SKILLS + " skills per search");
        }
        List<String> words = words(in.q);
        if (skills.isEmpty() && words.isEmpty()) {
            throw ProblemException.invalid("skill", "give at least one skill (code, name or alias), or q");
        }
        if (page.sort != null && !page.sort.isBlank()) {
            throw ProblemException.invalid("sort", "expert results are always ranked best first");
        }
        return new ExpertQuery(
                skills,
                in.minLevel,
                match.equals("all"),
                nonBlank(in.partner),
                nonBlank(in.excludePartner),
                QueryParams.bool("available", in.available),
                QueryParams.bool("outOfHours", in.outOfHours),
                words);
    }

    /** {@code all} or {@code any}, as the answer names it. */
    public String match() {
        return matchAll ? "all" : "any";
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
