package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.csv.CsvDecoder;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.skills.directory.PeopleCsv.CertCell;
import org.sharedict.skills.directory.PeopleCsv.Row;
import org.sharedict.skills.directory.PeopleCsv.RowError;
import org.sharedict.skills.directory.PeopleCsv.SkillCell;
import org.sharedict.skills.directory.PeopleCsv.Verification;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.profile.Certification;
import org.sharedict.skills.profile.PersonSkill;
import org.sharedict.skills.profile.ProfileDtos.CertificationInput;
import org.sharedict.skills.taxonomy.Skill;
import org.sharedict.skills.taxonomy.Taxonomy;
import org.sharedict.skills.taxonomy.TaxonomyCache;

/**
 * Bulk import of people with their skills from CSV, all or nothing: every row is checked
 * first, and only a file without a single error is written, in one transaction. People are
 * matched by email (created or updated); skills and certifications listed are added or
 * updated, those not listed are kept.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PeopleImport {

    /** {@code id} is null for a person a dry run would create. */
    public record Outcome(long row, @Schema(nullable = true) Long id, String email,
            @Schema(enumeration = { "create", "update", "created", "updated" }) String action) {
    }

    /** {@code encoding}: how the file's bytes were read (UTF-8, UTF-16LE, windows-1252, …). */
    public record Result(boolean dryRun, String encoding, int rows, int created, int updated, int skillsSet,
            int certificationsSet, List<Outcome> people) {
    }

    /** A row that passed every check, with what it resolved to. */
    private record Checked(Row row, Partner partner, Person existing, String email, PersonInput input,
            List<Map.Entry<Skill, SkillCell>> skills, List<Map.Entry<CertCell, Skill>> certs) {
    }

    @Inject
    Caller caller;

    @Inject
    PersonService people;

    @Inject
    TaxonomyCache taxonomy;

    @Inject
    Validator validator;

    @Inject
    Auditor audit;

    @Inject
    Clock clock;

    @Inject
    SkillsConfig config;

    public Result importCsv(CsvDecoder.Decoded file, boolean dryRun) {
        if (!caller.isAdmin() && !caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only managers (for their own partner) and admins import people");
        }
        PeopleCsv.Parsed parsed = PeopleCsv.read(file.text(), config.csvImport().maxRows());
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<Checked> checked = check(parsed, errors);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(RowError::row).thenComparing(RowError::column));
            List<Problem.FieldError> fields = errors.stream()
                    .map(e -> new Problem.FieldError("row " + e.row() + ": " + e.column(), e.message(), e.rejected())).toList();
            ProblemException p = ProblemException.invalid(fields).with("rows", errors);
            p.problem().detail = errors.size() + " problem(s) in " + errors.stream().map(RowError::row).distinct().count()
                    + " row(s); nothing was imported";
            throw p;
        }
        if (dryRun) {
            List<Outcome> outcomes = checked.stream().map(c -> new Outcome(c.row().row, c.existing() == null ? null : c.existing().id,
                    c.email(), c.existing() == null ? "create" : "update")).toList();
            return new Result(true, file.encoding(), checked.size(), (int) outcomes.stream().filter(o -> o.action().equals("create")).count(),
                    (int) outcomes.stream().filter(o -> o.action().equals("update")).count(),
                    checked.stream().mapToInt(c -> c.skills().size()).sum(), checked.stream().mapToInt(c -> c.certs().size()).sum(),
                    outcomes);
        }
        return apply(checked, file.encoding());
    }

    private List<Checked> check(PeopleCsv.Parsed parsed, List<RowError> errors) {
        Map<String, Partner> partners = new HashMap<>();
        Partner.<Partner>listAll().forEach(p -> partners.put(p.code, p));
        Set<String> emails = new HashSet<>();
        parsed.rows().forEach(r -> {
            if (r.text("email") != null) {
                emails.add(r.text("email").toLowerCase(Locale.ROOT));
            }
        });
        Map<String, Person> existing = new HashMap<>();
        if (!emails.isEmpty()) {
            Person.<Person>list("email in ?1", emails).forEach(p -> existing.put(p.email, p));
        }
        Taxonomy tax = taxonomy.current();
        Map<String, Long> seen = new HashMap<>();
        List<Checked> out = new ArrayList<>();
        for (Row r : parsed.rows()) {
            int before = errors.size();
            String code = r.text("partner") == null ? null : r.text("partner").toUpperCase(Locale.ROOT);
            Partner partner = code == null ? null : partners.get(code);
            if (code != null && partner == null) {
                errors.add(new RowError(r.row, "partner", "no partner has this code", code));
            } else if (partner != null && !caller.isOf(partner.code)) {
                errors.add(new RowError(r.row, "partner", "you may only import people of your own partner ("
                        + caller.partner().orElse("none") + ")", code));
            }
            String email = r.text("email") == null ? null : r.text("email").toLowerCase(Locale.ROOT);
            if (email != null && seen.containsKey(email)) {
                errors.add(new RowError(r.row, "email", "also in row " + seen.get(email) + "; one row per person", email));
            } else if (email != null) {
                seen.put(email, r.row);
            }
            Person current = email == null ? null : existing.get(email);
            if (current != null && partner != null && !current.partner.code.equals(partner.code) && !caller.isAdmin()) {
                errors.add(new RowError(r.row, "partner", "this email belongs to a person of " + current.partner.code
                        + "; only admins move people between partners", code));
            }
            PersonInput input = input(r, current);
            for (ConstraintViolation<PersonInput> v : validator.validate(input)) {
                String column = snake(v.getPropertyPath().toString());
                Object bad = v.getInvalidValue();
                errors.add(new RowError(r.row, column, v.getMessage(), bad == null ? null : bad.toString()));
            }
            List<Map.Entry<Skill, SkillCell>> skills = new ArrayList<>();
            Set<Long> skillIds = new HashSet<>();
            for (SkillCell s : r.skills) {
                Skill skill = skill(tax, r, "skills", s.term(), errors);
                if (skill == null) {
                    continue;
                }
                if (!skillIds.add(skill.id)) {
                    errors.add(new RowError(r.row, "skills", "lists " + skill.code + " twice", s.term()));
                } else if (s.verification() == Verification.VERIFIED && current != null
                        && caller.personId().map(id -> id.equals(current.id)).orElse(false) && !caller.isAdmin()) {
                    errors.add(new RowError(r.row, "skills", "you cannot verify your own skills", s.term()));
                } else {
                    skills.add(Map.entry(skill, s));
                }
            }
            List<Map.Entry<CertCell, Skill>> certs = new ArrayList<>();
            for (CertCell c : r.certifications) {
                int problems = errors.size();
                CertificationInput cert = new CertificationInput(c.name(), c.issuer(), c.number(), c.obtained(), c.expires(),
                        c.skill(), null);
                for (ConstraintViolation<CertificationInput> v : validator.validate(cert)) {
                    Object bad = v.getInvalidValue();
                    errors.add(new RowError(r.row, "certifications", c.name() + ": " + v.getPropertyPath() + " " + v.getMessage(),
                            bad == null ? null : bad.toString()));
                }
                if (c.obtained() != null && c.expires() != null && c.expires().isBefore(c.obtained())) {
                    errors.add(new RowError(r.row, "certifications", c.name() + ": expires must not be before obtained",
                            c.expires().toString()));
                }
                Skill skill = c.skill() == null ? null : skill(tax, r, "certifications", c.skill(), errors);
                if (errors.size() == problems) {
                    certs.add(new SimpleEntry<>(c, skill));
                }
            }
            if (errors.size() == before) {
                out.add(new Checked(r, partner, current, email, input, skills, certs));
            }
        }
        return out;
    }

    private static Skill skill(Taxonomy tax, Row r, String column, String term, List<RowError> errors) {
        Taxonomy.Resolution res = tax.resolve(term, 0, 3);
        if (res instanceof Taxonomy.Resolved ok) {
            Skill s = Skill.findById(ok.skill().id());
            if (s != null) {
                return s;
            }
        }
        List<String> near = res instanceof Taxonomy.Unresolved u ? u.suggestions().stream().map(Taxonomy.Entry::code).toList()
                : List.of();
        errors.add(new RowError(r.row, column, "no skill is called '" + term + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"), term));
        return null;
    }

    /** The row as a person record: columns the file lacks keep the stored value (or the default for new people). */
    private static PersonInput input(Row r, Person p) {
        return new PersonInput(
                r.text("partner"),
                r.text("name"),
                pick(r, "job_title", p == null ? null : p.jobTitle),
                pick(r, "team", p == null ? null : p.team),
                r.text("email"),
                pick(r, "work_phone", p == null ? null : p.workPhone),
                pick(r, "mobile", p == null ? null : p.mobile),
                pick(r, "site", p == null ? null : p.site),
                r.has("manager") ? Boolean.TRUE.equals(r.manager) : p != null && p.manager,
                r.has("help_other_partners") ? Boolean.TRUE.equals(r.helpOtherPartners) : p != null && p.helpOtherPartners,
                r.has("help_hours_per_month") ? r.helpHoursPerMonth : p == null ? null : p.helpHoursPerMonth,
                r.has("out_of_hours") ? Boolean.TRUE.equals(r.outOfHours) : p != null && p.outOfHours,
                r.has("unavailable_until") ? r.unavailableUntil : p == null ? null : p.unavailableUntil,
                pick(r, "unavailable_reason", p == null ? null : p.unavailableReason),
                r.lastConfirmed,
                null);
    }

    private static String pick(Row r, String column, String current) {
        return r.has(column) ? r.text(column) : current;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private Result apply(List<Checked> rows, String encoding) {
        LocalDate today = people.today();
        Instant now = Instant.now(clock);
        int created = 0;
        int updated = 0;
        int skillsSet = 0;
        int certsSet = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Checked c : rows) {
            PersonInput in = c.input();
            Person p = c.existing();
            Changes changes = Changes.track();
            if (p == null) {
                p = new Person();
                p.partner = c.partner();
                PersonService.apply(p, in, c.email());
                p.lastConfirmed = in.lastConfirmed() != null ? in.lastConfirmed() : today;
                p.createdAt = p.updatedAt = now;
                p.persist();
                created++;
            } else {
                LocalDate confirmed = p.lastConfirmed;
                changes.field("partner", p.partner.code, c.partner().code).field("name", p.name, in.name().trim())
                        .field("jobTitle", p.jobTitle, PersonService.trim(in.jobTitle()))
                        .field("team", p.team, PersonService.trim(in.team()))
                        .field("workPhone", p.workPhone, PersonService.trim(in.workPhone()))
                        .field("mobile", p.mobile, PersonService.trim(in.mobile()))
                        .field("site", p.site, PersonService.trim(in.site()))
                        .field("manager", p.manager, in.manager())
                        .field("helpOtherPartners", p.helpOtherPartners, in.helpOtherPartners())
                        .field("helpHoursPerMonth", p.helpHoursPerMonth, in.helpHoursPerMonth() == null ? 0 : in.helpHoursPerMonth())
                        .field("outOfHours", p.outOfHours, in.outOfHours())
                        .field("unavailableUntil", p.unavailableUntil, in.unavailableUntil())
                        .field("unavailableReason", p.unavailableReason, PersonService.trim(in.unavailableReason()));
                p.partner = c.partner();
                PersonService.apply(p, in, c.email());
                p.lastConfirmed = in.lastConfirmed() != null ? in.lastConfirmed() : confirmed;
                changes.field("lastConfirmed", confirmed, p.lastConfirmed);
                if (!changes.isEmpty()) {
                    p.updatedAt = now;
                }
                updated++;
            }
            p.flush();
            LocalDate skillConfirmed = c.row().lastConfirmed != null ? c.row().lastConfirmed : today;
            Map<String, Object> skillChanges = new LinkedHashMap<>();
            for (Map.Entry<Skill, SkillCell> e : c.skills()) {
                skillsSet++;
                setSkill(p, e.getKey(), e.getValue(), skillConfirmed, now, skillChanges);
            }
            certsSet += c.certs().size();
            setCertifications(p, c.certs(), now);
            if (c.existing() == null) {
                audit.created("person", p.id, p.partner.code, Map.of("import", true, "email", p.email, "skills", skillChanges));
            } else {
                audit.updated("person", p.id, p.partner.code, changes);
                if (!skillChanges.isEmpty()) {
                    audit.record("IMPORT_SKILLS", "person", p.id, p.partner.code, skillChanges);
                }
            }
            outcomes.add(new Outcome(c.row().row, p.id, p.email, c.existing() == null ? "created" : "updated"));
        }
        audit.record("IMPORT", "people_csv", null, caller.partner().orElse(null),
                Map.of("rows", rows.size(), "created", created, "updated", updated, "skills", skillsSet, "certifications", certsSet));
        return new Result(false, encoding, rows.size(), created, updated, skillsSet, certsSet, outcomes);
    }

    private void setSkill(Person p, Skill skill, SkillCell cell, LocalDate confirmed, Instant now, Map<String, Object> log) {
        PersonSkill ps = PersonSkill.<PersonSkill>find("personId = ?1 and skill = ?2", p.id, skill).firstResult();
        boolean isNew = ps == null;
        if (isNew) {
            ps = new PersonSkill();
            ps.personId = p.id;
            ps.skill = skill;
            ps.createdAt = now;
        }
        boolean levelChanged = !isNew && ps.level != cell.level();
        int before = ps.level;
        ps.level = cell.level();
        ps.lastConfirmed = confirmed;
        ps.updatedAt = now;
        if (cell.verification() == Verification.VERIFIED) {
            if (isNew || levelChanged || !ps.verified()) {
                ps.verifiedBy = caller.username();
                ps.verifiedAt = now;
            }
        } else if (cell.verification() == Verification.SELF_ASSESSED || levelChanged) {
            ps.verifiedBy = null;
            ps.verifiedAt = null;
        }
        if (isNew) {
            ps.persist();
            log.put(skill.code, Map.of("level", cell.level(), "verified", ps.verified()));
        } else if (levelChanged) {
            log.put(skill.code, Map.of("from", before, "to", cell.level(), "verified", ps.verified()));
        }
    }

    /**
     * Each listed certification updates one stored certification of the person, or is added:
     * first one identical in name, issuer and number, then one of the same name, then one of the
     * same name in another case. A person may hold the same certification twice (renewed), so
     * each stored one is matched at most once, and names are compared in Java, not by the
     * database's accent-blind collation (Zoe and Zoë are two names).
     */
    private static void setCertifications(Person p, List<Map.Entry<CertCell, Skill>> listed, Instant now) {
        List<Certification> free = new ArrayList<>(Certification.<Certification>list("personId = ?1 order by id", p.id));
        Certification[] matched = new Certification[listed.size()];
        List<BiPredicate<CertCell, Certification>> passes = List.of(
                (cell, c) -> c.name.equals(cell.name()) && Objects.equals(c.issuer, cell.issuer())
                        && Objects.equals(c.number, cell.number()),
                (cell, c) -> c.name.equals(cell.name()),
                (cell, c) -> c.name.equalsIgnoreCase(cell.name()));
        for (BiPredicate<CertCell, Certification> same : passes) {
            for (int i = 0; i < matched.length; i++) {
                CertCell cell = listed.get(i).getKey();
                if (matched[i] == null) {
                    for (Certification c : free) {
                        if (same.test(cell, c)) {
                            matched[i] = c;
                            free.remove(c);
                            break;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < matched.length; i++) {
            CertCell cell = listed.get(i).getKey();
            Certification c = matched[i];
            if (c == null) {
                c = new Certification();
                c.personId = p.id;
                c.createdAt = now;
            }
            c.name = cell.name();
            c.issuer = cell.issuer();
            c.number = cell.number();
            c.obtained = cell.obtained();
            c.expires = cell.expires();
            c.skill = listed.get(i).getValue();
            c.updatedAt = now;
            c.persist();
        }
    }
}
