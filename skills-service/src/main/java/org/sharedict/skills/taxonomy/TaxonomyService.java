package org.sharedict.skills.taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.search.Like;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryView;
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewCategory;
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewSkill;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillView;

/**
 * The skill taxonomy: only partnership admins change it, and no folded term (code, name or
 * alias) may mean two skills, so a search term is never ambiguous.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TaxonomyService {

    private static final Map<String, String> CATEGORY_SORTS = Map.of("code", "code", "name", "name");
    private static final Map<String, String> SKILL_SORTS =
            Map.of("code", "code", "name", "name", "category", "category.code");
    /** Codes that would clash with sub-paths of /api/skills. */
    private static final Set<String> RESERVED = Set.of("CATEGORIES");

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final TaxonomyCache cache;
    private final Event<TaxonomyCache.Changed> changed;
    private final SkillHolders skillHolders;

    TaxonomyService(
            Caller caller,
            Auditor audit,
            Clock clock,
            TaxonomyCache cache,
            Event<TaxonomyCache.Changed> changed,
            SkillHolders skillHolders) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.cache = cache;
        this.changed = changed;
        this.skillHolders = skillHolders;
    }

    // ---- categories ----------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CategoryView> listCategories(PageRequest page) {
        Map<String, Long> counts = skillCounts();
        return Page.of(
                SkillCategory.<SkillCategory>findAll(page.toSort(CATEGORY_SORTS, "name", "id")),
                page,
                c -> CategoryView.of(c, counts.getOrDefault(c.code, 0L)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CategoryView> getCategory(String code) {
        return SkillCategory.findByCode(code).map(c -> CategoryView.of(c, Skill.count("category", c)));
    }

    public CategoryView createCategory(NewCategory in) {
        requireAdmin();
        String code = in.code().toUpperCase(Locale.ROOT);
        if (SkillCategory.findByCode(code).isPresent()) {
            throw ProblemException.duplicate("code", code);
        }
        SkillCategory c = new SkillCategory();
        c.code = code;
        c.name = in.name().trim();
        c.description = blankToNull(in.description());
        c.createdAt = c.updatedAt = Instant.now(clock);
        c.persistAndFlush();
        audit.created("skill_category", c.code, null, CategoryView.of(c, 0));
        changed.fire(new TaxonomyCache.Changed());
        return CategoryView.of(c, 0);
    }

    public CategoryView updateCategory(String code, CategoryUpdate in, String ifMatch) {
        requireAdmin();
        SkillCategory c =
                SkillCategory.findByCode(code).orElseThrow(() -> ProblemException.notFound("Skill category", code));
        ETags.requireMatch(c, ifMatch, in.version());
        Changes changes = Changes.track()
                .field("name", c.name, in.name().trim())
                .field("description", c.description, blankToNull(in.description()));
        c.name = in.name().trim();
        c.description = blankToNull(in.description());
        if (!changes.isEmpty()) {
            c.updatedAt = Instant.now(clock);
        }
        c.flush();
        audit.updated("skill_category", c.code, null, changes);
        changed.fire(new TaxonomyCache.Changed());
        return CategoryView.of(c, Skill.count("category", c));
    }

    public void deleteCategory(String code, String ifMatch) {
        requireAdmin();
        SkillCategory c =
                SkillCategory.findByCode(code).orElseThrow(() -> ProblemException.notFound("Skill category", code));
        if (ifMatch != null) {
            ETags.requireMatch(c, ifMatch, null);
        }
        long skills = Skill.count("category", c);
        if (skills > 0) {
            throw ProblemException.conflict(
                            "Category " + c.code + " still has " + skills + " skills; move or remove them first")
                    .with("skills", skills);
        }
        CategoryView last = CategoryView.of(c, 0);
        c.delete();
        c.flush();
        audit.deleted("skill_category", last.code(), null, last);
        changed.fire(new TaxonomyCache.Changed());
    }

    // ---- skills --------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SkillView> listSkills(PageRequest page, String category, String q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null && !category.isBlank()) {
            where.append(" and category.code = :category");
            params.and("category", category.toUpperCase(Locale.ROOT));
        }
        if (q != null && !q.isBlank()) {
            // Free text over code, name, description and aliases.
            where.append(" and (lower(code) like :q" + Like.ESCAPE + " or lower(name) like :q" + Like.ESCAPE
                    + " or lower(description) like :q" + Like.ESCAPE
                    + " or exists (from SkillAlias a where a.skill = s and lower(a.alias) like :q" + Like.ESCAPE
                    + "))");
            params.and("q", Like.containing(q));
        }
        var query =
                Skill.<Skill>find("from Skill s where " + where, page.toSort(SKILL_SORTS, "code", "id"), params.map());
        return Page.of(query, page, SkillView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SkillView> getSkill(String code) {
        return Skill.findByCode(code).map(SkillView::of);
    }

    public SkillView createSkill(NewSkill in) {
        requireAdmin();
        String code = in.code().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(code)) {
            throw ProblemException.invalid("code", "'" + code + "' is reserved");
        }
        if (Skill.findByCode(code).isPresent()) {
            throw ProblemException.duplicate("code", code);
        }
        SkillCategory category = category(in.category());
        List<String> aliases = cleanAliases(in.aliases(), in.name());
        requireUniqueTerms(null, code, in.name().trim(), aliases);
        Skill s = new Skill();
        s.code = code;
        s.name = in.name().trim();
        s.category = category;
        s.description = blankToNull(in.description());
        s.sfiaCode = in.sfiaCode() == null ? null : in.sfiaCode().toUpperCase(Locale.ROOT);
        s.createdAt = s.updatedAt = Instant.now(clock);
        setAliases(s, aliases);
        s.persistAndFlush();
        audit.created("skill", s.code, null, SkillView.of(s));
        changed.fire(new TaxonomyCache.Changed());
        return SkillView.of(s);
    }

    public SkillView updateSkill(String code, SkillUpdate in, String ifMatch) {
        requireAdmin();
        Skill s = Skill.findByCode(code).orElseThrow(() -> ProblemException.notFound("Skill", code));
        ETags.requireMatch(s, ifMatch, in.version());
        SkillCategory category = category(in.category());
        List<String> aliases = cleanAliases(in.aliases(), in.name());
        requireUniqueTerms(s.id, s.code, in.name().trim(), aliases);
        String sfia = in.sfiaCode() == null ? null : in.sfiaCode().toUpperCase(Locale.ROOT);
        Changes changes = Changes.track()
                .field("name", s.name, in.name().trim())
                .field("category", s.category.code, category.code)
                .field("description", s.description, blankToNull(in.description()))
                .field("aliases", s.aliasNames(), aliases)
                .field("sfiaCode", s.sfiaCode, sfia);
        if (!s.aliasNames().equals(aliases)) {
            // Delete the old rows first (flushed on their own: Hibernate inserts before it deletes),
            // so that the unique alias keys never clash with the rows being replaced.
            s.aliases.clear();
            s.flush();
            setAliases(s, aliases);
        }
        s.name = in.name().trim();
        s.category = category;
        s.description = blankToNull(in.description());
        s.sfiaCode = sfia;
        if (!changes.isEmpty()) {
            s.updatedAt = Instant.now(clock);
        }
        s.flush();
        audit.updated("skill", s.code, null, changes);
        changed.fire(new TaxonomyCache.Changed());
        return SkillView.of(s);
    }

    public void deleteSkill(String code, String ifMatch) {
        requireAdmin();
        Skill s = Skill.findByCode(code).orElseThrow(() -> ProblemException.notFound("Skill", code));
        if (ifMatch != null) {
            ETags.requireMatch(s, ifMatch, null);
        }
        long holders = skillHolders.holders(s.id);
        if (holders > 0) {
            throw ProblemException.conflict(holders + " people hold " + s.code
                            + "; remove it from their profiles first (or keep it and rename it)")
                    .with("holders", holders);
        }
        SkillView last = SkillView.of(s);
        s.delete();
        s.flush();
        audit.deleted("skill", last.code(), null, last);
        changed.fire(new TaxonomyCache.Changed());
    }

    // ---- rules ---------------------------------------------------------------------------------

    private void requireAdmin() {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only partnership admins change the skill taxonomy");
        }
    }

    private SkillCategory category(String code) {
        return SkillCategory.findByCode(code.trim())
                .orElseThrow(
                        () -> ProblemException.invalid("category", "no skill category has the code '" + code + "'"));
    }

    /** Trims, drops blanks, aliases equal to the name and repeats (as folded terms), keeping order. */
    static List<String> cleanAliases(List<String> aliases, String name) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(Terms.key(name));
        if (aliases != null) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < aliases.size(); i++) {
                String a = aliases.get(i);
                if (a == null || a.isBlank() || Terms.key(a).isEmpty()) {
                    errors.add(new Problem.FieldError("aliases[" + i + "]", "must have letters or digits", a));
                } else if (a.trim().length() > 200) {
                    errors.add(new Problem.FieldError("aliases[" + i + "]", "must be at most 200 characters"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            for (String a : aliases) {
                String key = Terms.key(a);
                if (seen.add(key)) {
                    out.add(a.trim());
                }
            }
        }
        return out;
    }

    /** 409 when the code, name or an alias already means another skill. */
    private void requireUniqueTerms(Long selfId, String code, String name, List<String> aliases) {
        Taxonomy t = cache.fresh();
        check(t, selfId, "code", code);
        check(t, selfId, "name", name);
        for (int i = 0; i < aliases.size(); i++) {
            check(t, selfId, "aliases[" + i + "]", aliases.get(i));
        }
    }

    private static void check(Taxonomy t, Long selfId, String field, String value) {
        t.owner(Terms.key(value))
                .filter(e -> selfId == null || e.id() != selfId)
                .ifPresent(e -> {
                    throw ProblemException.duplicate(field, value).with("skill", e.code());
                });
    }

    private static void setAliases(Skill s, List<String> aliases) {
        for (int i = 0; i < aliases.size(); i++) {
            SkillAlias a = new SkillAlias();
            a.skill = s;
            a.alias = aliases.get(i);
            a.aliasKey = Terms.key(a.alias);
            a.position = i;
            s.aliases.add(a);
        }
    }

    private static Map<String, Long> skillCounts() {
        Map<String, Long> counts = new HashMap<>();
        Skill.getEntityManager()
                .createQuery("select s.category.code, count(s) from Skill s group by s.category.code", Object[].class)
                .getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
