package org.sharedict.skills.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.csv.CsvDecoder;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.skills.directory.BulkPeople;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;
import org.sharedict.skills.directory.PersonRef;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.profile.BulkProfiles;
import org.sharedict.skills.profile.BulkProfiles.CertificationSetting;
import org.sharedict.skills.profile.BulkProfiles.SkillSetting;
import org.sharedict.skills.profile.ProfileDtos.CertificationInput;
import org.sharedict.skills.taxonomy.Skill;
import org.sharedict.skills.taxonomy.Taxonomy;
import org.sharedict.skills.taxonomy.TaxonomyCache;
import org.sharedict.skills.transfer.PeopleCsv.CertCell;
import org.sharedict.skills.transfer.PeopleCsv.Row;
import org.sharedict.skills.transfer.PeopleCsv.RowError;
import org.sharedict.skills.transfer.PeopleCsv.SkillCell;
import org.sharedict.skills.transfer.PeopleCsv.Verification;

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
    public record Outcome(
            long row,
            @Schema(nullable = true) Long id,
            String email,

            @Schema(enumeration = {"create", "update", "created", "updated"})
            String action) {}

    /** {@code encoding}: how the file's bytes were read (UTF-8, UTF-16LE, windows-1252, …). */
    public record Result(
            boolean dryRun,
            String encoding,
            int rows,
            int created,
            int updated,
            int skillsSet,
            int certificationsSet,
            List<Outcome> people) {}

    /** A row that passed every check, with what it resolved to; {@code existing} is null for a new person. */
    private record Checked(
            Row row,
            PersonView existing,
            String email,
            PersonInput input,
            List<SkillSetting> skills,
            List<CertificationSetting> certs) {}

    private final Caller caller;
    private final BulkPeople people;
    private final BulkProfiles profiles;
    private final TaxonomyCache taxonomy;
    private final Validator validator;
    private final Auditor audit;
    private final Clock clock;
    private final SkillsConfig config;

    PeopleImport(
            Caller caller,
            BulkPeople people,
            BulkProfiles profiles,
            TaxonomyCache taxonomy,
            Validator validator,
            Auditor audit,
            Clock clock,
            SkillsConfig config) {
        this.caller = caller;
        this.people = people;
        this.profiles = profiles;
        this.taxonomy = taxonomy;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    public Result importCsv(CsvDecoder.Decoded file, boolean dryRun) {
        if (!caller.isAdmin() && !caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only managers (for their own partner) and admins import people");
        }
        PeopleCsv.Parsed parsed = PeopleCsv.read(file.text(), config.csvImport().maxRows());
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<Checked> checked = check(parsed, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::row).thenComparing(RowError::column));
            List<Problem.FieldError> fields = errors.stream()
                    .map(e -> new Problem.FieldError("row " + e.row() + ": " + e.column(), e.message(), e.rejected()))
                    .toList();
            ProblemException p = ProblemException.invalid(fields).with("rows", errors);
            p.problem().detail = errors.size() + " problem(s) in "
                    + errors.stream().map(RowError::row).distinct().count() + " row(s); nothing was imported";
            throw p;
        }
        if (dryRun) {
            List<Outcome> outcomes = checked.stream()
                    .map(c -> new Outcome(
                            c.row().row,
                            c.existing() == null ? null : c.existing().id(),
                            c.email(),
                            c.existing() == null ? "create" : "update"))
                    .toList();
            return new Result(
                    true,
                    file.encoding(),
                    checked.size(),
                    (int) outcomes.stream()
                            .filter(o -> o.action().equals("create"))
                            .count(),
                    (int) outcomes.stream()
                            .filter(o -> o.action().equals("update"))
                            .count(),
                    checked.stream().mapToInt(c -> c.skills().size()).sum(),
                    checked.stream().mapToInt(c -> c.certs().size()).sum(),
                    outcomes);
        }
        return apply(checked, file.encoding());
    }

    private List<Checked> check(PeopleCsv.Parsed parsed, List<RowError> errors) {
        Set<String> emails = new HashSet<>();
        parsed.rows().forEach(r -> {
            if (r.text("email") != null) {
                emails.add(r.text("email").toLowerCase(Locale.ROOT));
            }
        });
        Set<String> partners = people.partnerCodes();
        Map<String, PersonView> existing = people.byEmail(emails);
        Taxonomy tax = taxonomy.current();
        Map<String, Long> seen = new HashMap<>();
        List<Checked> out = new ArrayList<>();
        for (Row r : parsed.rows()) {
            int before = errors.size();
            String code = r.text("partner") == null ? null : r.text("partner").toUpperCase(Locale.ROOT);
            String partner = code == null || !partners.contains(code) ? null : code;
            if (code != null && partner == null) {
                errors.add(new RowError(r.row, "partner", "no partner has this code", code));
            } else if (partner != null && !caller.isOf(partner)) {
                errors.add(new RowError(
                        r.row,
                        "partner",
                        "you may only import people of your own partner ("
                                + caller.partner().orElse("none") + ")",
                        code));
            }
            String email = r.text("email") == null ? null : r.text("email").toLowerCase(Locale.ROOT);
            if (email != null && seen.containsKey(email)) {
                errors.add(
                        new RowError(r.row, "email", "also in row " + seen.get(email) + "; one row per person", email));
            } else if (email != null) {
                seen.put(email, r.row);
            }
            PersonView current = email == null ? null : existing.get(email);
            if (current != null && partner != null && !current.partner().equals(partner) && !caller.isAdmin()) {
                errors.add(new RowError(
                        r.row,
                        "partner",
                        "this email belongs to a person of " + current.partner()
                                + "; only admins move people between partners",
                        code));
            }
            PersonInput input = input(r, current);
            for (ConstraintViolation<PersonInput> v : validator.validate(input)) {
                String column = snake(v.getPropertyPath().toString());
                Object bad = v.getInvalidValue();
                errors.add(new RowError(r.row, column, v.getMessage(), bad == null ? null : bad.toString()));
            }
            List<SkillSetting> skills = new ArrayList<>();
            Set<Long> skillIds = new HashSet<>();
            for (SkillCell s : r.skills) {
                Skill skill = skill(tax, r, "skills", s.term(), errors);
                if (skill == null) {
                    continue;
                }
                if (!skillIds.add(skill.id)) {
                    errors.add(new RowError(r.row, "skills", "lists " + skill.code + " twice", s.term()));
                } else if (s.verification() == Verification.VERIFIED
                        && current != null
                        && caller.personId().map(id -> id.equals(current.id())).orElse(false)
                        && !caller.isAdmin()) {
                    errors.add(new RowError(r.row, "skills", "you cannot verify your own skills", s.term()));
                } else {
                    skills.add(new SkillSetting(
                            skill,
                            s.level(),
                            switch (s.verification()) {
                                case KEEP -> null;
                                case VERIFIED -> Boolean.TRUE;
                                case SELF_ASSESSED -> Boolean.FALSE;
                            }));
                }
            }
            List<CertificationSetting> certs = new ArrayList<>();
            for (CertCell c : r.certifications) {
                int problems = errors.size();
                CertificationInput cert = new CertificationInput(
                        c.name(), c.issuer(), c.number(), c.obtained(), c.expires(), c.skill(), null);
                for (ConstraintViolation<CertificationInput> v : validator.validate(cert)) {
                    Object bad = v.getInvalidValue();
                    errors.add(new RowError(
                            r.row,
                            "certifications",
                            c.name() + ": " + v.getPropertyPath() + " " + v.getMessage(),
                            bad == null ? null : bad.toString()));
                }
                if (c.obtained() != null && c.expires() != null && c.expires().isBefore(c.obtained())) {
                    errors.add(new RowError(
                            r.row,
                            "certifications",
                            c.name() + ": expires must not be before obtained",
                            c.expires().toString()));
                }
                Skill skill = c.skill() == null ? null : skill(tax, r, "certifications", c.skill(), errors);
                if (errors.size() == problems) {
                    certs.add(new CertificationSetting(
                            c.name(), c.issuer(), c.number(), c.obtained(), c.expires(), skill));
                }
            }
            if (errors.size() == before) {
                out.add(new Checked(r, current, email, input, skills, certs));
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
        List<String> near = res instanceof Taxonomy.Unresolved u
                ? u.suggestions().stream().map(Taxonomy.Entry::code).toList()
                : List.of();
        errors.add(new RowError(
                r.row,
                column,
                "no skill is called '" + term + "'"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"),
                term));
        return null;
    }

    /** The row as a person record: columns the file lacks keep the stored value (or the default for new people). */
    private static PersonInput input(Row r, PersonView p) {
        return new PersonInput(
                r.text("partner"),
                r.text("name"),
                pick(r, "job_title", p == null ? null : p.jobTitle()),
                pick(r, "team", p == null ? null : p.team()),
                r.text("email"),
                pick(r, "work_phone", p == null ? null : p.workPhone()),
                pick(r, "mobile", p == null ? null : p.mobile()),
                pick(r, "site", p == null ? null : p.site()),
                r.has("manager") ? Boolean.TRUE.equals(r.manager) : p != null && p.manager(),
                r.has("help_other_partners")
                        ? Boolean.TRUE.equals(r.helpOtherPartners)
                        : p != null && p.helpOtherPartners(),
                r.has("help_hours_per_month") ? r.helpHoursPerMonth : p == null ? null : p.helpHoursPerMonth(),
                r.has("out_of_hours") ? Boolean.TRUE.equals(r.outOfHours) : p != null && p.outOfHours(),
                r.has("unavailable_until") ? r.unavailableUntil : p == null ? null : p.unavailableUntil(),
                pick(r, "unavailable_reason", p == null ? null : p.unavailableReason()),
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
        LocalDate today = Dates.today(clock);
        Instant now = Instant.now(clock);
        int created = 0;
        int updated = 0;
        int skillsSet = 0;
        int certsSet = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Checked c : rows) {
            boolean isNew = c.existing() == null;
            BulkPeople.Imported done =
                    people.importPerson(isNew ? null : c.existing().id(), c.input(), c.email(), today, now);
            PersonRef p = done.person();
            if (isNew) {
                created++;
            } else {
                updated++;
            }
            LocalDate skillConfirmed = c.row().lastConfirmed != null ? c.row().lastConfirmed : today;
            Map<String, Object> skillChanges = profiles.setSkills(p.id(), c.skills(), skillConfirmed, now);
            skillsSet += c.skills().size();
            certsSet += c.certs().size();
            profiles.setCertifications(p.id(), c.certs(), now);
            if (isNew) {
                audit.created(
                        "person",
                        p.id(),
                        p.partner(),
                        Map.of("import", true, "email", done.email(), "skills", skillChanges));
            } else {
                audit.updated("person", p.id(), p.partner(), done.changes());
                if (!skillChanges.isEmpty()) {
                    audit.record("IMPORT_SKILLS", "person", p.id(), p.partner(), skillChanges);
                }
            }
            outcomes.add(new Outcome(c.row().row, p.id(), done.email(), isNew ? "created" : "updated"));
        }
        audit.record(
                "IMPORT",
                "people_csv",
                null,
                caller.partner().orElse(null),
                Map.of(
                        "rows",
                        rows.size(),
                        "created",
                        created,
                        "updated",
                        updated,
                        "skills",
                        skillsSet,
                        "certifications",
                        certsSet));
        return new Result(false, encoding, rows.size(), created, updated, skillsSet, certsSet, outcomes);
    }
}
