package org.sharedict.skills.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An immutable snapshot of the whole taxonomy, held in memory (a few hundred skills) so that
 * search terms resolve without a database round trip. {@link TaxonomyCache} replaces it after
 * every change.
 */
public final class Taxonomy {

    public record Entry(
            long id,
            String code,
            String name,
            String description,
            String categoryCode,
            String categoryName,
            List<String> aliases,
            String sfiaCode) {}

    /** How a search term was understood. */
    public enum How {
        CODE,
        NAME,
        ALIAS,
        TYPO
    }

    /** What a search term turned out to be. */
    public sealed interface Resolution permits Resolved, Unresolved {
        String term();
    }

    public record Resolved(String term, Entry skill, How how) implements Resolution {}

    /** A term that is no skill: the closest skills, best first. */
    public record Unresolved(String term, List<Entry> suggestions) implements Resolution {}

    private record Term(String key, Entry skill, How how) {}

    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<String, Entry> byCode = new HashMap<>();
    private final Map<String, Term> byKey = new HashMap<>();
    private final List<Term> terms = new ArrayList<>();

    /** Entries in code order; on a (legacy) clash of folded terms the first skill keeps the term. */
    public Taxonomy(Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::code));
        for (Entry e : sorted) {
            byId.put(e.id(), e);
            byCode.put(e.code(), e);
            add(new Term(Terms.key(e.code()), e, How.CODE));
            add(new Term(Terms.key(e.name()), e, How.NAME));
            for (String a : e.aliases()) {
                add(new Term(Terms.key(a), e, How.ALIAS));
            }
        }
    }

    private void add(Term t) {
        if (!t.key().isEmpty() && !byKey.containsKey(t.key())) {
            byKey.put(t.key(), t);
            terms.add(t);
        }
    }

    /** Every skill, in no particular order. */
    public void forEach(Consumer<Entry> action) {
        byId.values().forEach(action);
    }

    public int size() {
        return byId.size();
    }

    public Optional<Entry> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Entry> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.toUpperCase()));
    }

    /** The skill a folded term already names, if any (for uniqueness checks on taxonomy edits). */
    public Optional<Entry> owner(String key) {
        Term t = byKey.get(key);
        return t == null ? Optional.empty() : Optional.of(t.skill());
    }

    /**
     * Resolves a search term: its code, name or an alias exactly (ignoring case, spaces and
     * punctuation), else the one skill within the allowed typos. Two skills equally close are
     * not guessed between: the term is then unresolved and both are suggested.
     */
    public Resolution resolve(String term, int maxTypos, int suggestions) {
        String key = Terms.key(term);
        Term exact = byKey.get(key);
        if (exact != null) {
            return new Resolved(term, exact.skill(), exact.how());
        }
        int allowed = Terms.typosAllowed(key.length(), maxTypos);
        if (allowed > 0) {
            int best = allowed + 1;
            Entry bestSkill = null;
            boolean tie = false;
            for (Term t : terms) {
                int d = Terms.distance(key, t.key(), allowed);
                if (d < best) {
                    best = d;
                    bestSkill = t.skill();
                    tie = false;
                } else if (d == best
                        && bestSkill != null
                        && bestSkill.id() != t.skill().id()) {
                    tie = true;
                }
            }
            if (bestSkill != null && !tie) {
                return new Resolved(term, bestSkill, How.TYPO);
            }
        }
        return new Unresolved(term, suggest(key, suggestions));
    }

    /** IDs of the skills whose code, name or an alias contains the folded word (free-text search). */
    public Set<Long> idsContaining(String key) {
        Set<Long> ids = new HashSet<>();
        if (!key.isEmpty()) {
            for (Term t : terms) {
                if (t.key().contains(key)) {
                    ids.add(t.skill().id());
                }
            }
        }
        return ids;
    }

    /** Skills whose terms are near {@code key} or contain it, closest first. */
    List<Entry> suggest(String key, int limit) {
        Map<Long, Double> best = new LinkedHashMap<>();
        if (key.isEmpty()) {
            return List.of();
        }
        for (Term t : terms) {
            double score;
            if (key.length() >= 3
                    && (t.key().contains(key)
                            || key.contains(t.key()) && t.key().length() >= 3)) {
                score = 0.1 + Math.abs(t.key().length() - key.length()) / 100.0;
            } else {
                int limitD = Math.max(2, Math.max(key.length(), t.key().length()) / 2);
                int d = Terms.distance(key, t.key(), limitD);
                if (d > limitD) {
                    continue;
                }
                score = (double) d / Math.max(key.length(), t.key().length());
            }
            if (score <= 0.5) {
                best.merge(t.skill().id(), score, Math::min);
            }
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue()
                        .thenComparing(e -> byId.get(e.getKey()).code()))
                .limit(limit)
                .map(e -> byId.get(e.getKey()))
                .toList();
    }
}
