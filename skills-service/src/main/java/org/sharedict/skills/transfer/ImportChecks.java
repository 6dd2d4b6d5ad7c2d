package org.sharedict.skills.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.sharedict.platform.security.Caller;
import org.sharedict.skills.directory.BulkPeople;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;
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
 * The checks of an import, row by row, before anything is written: partners known and the
 * importer's own, one row per email, each person valid as the API would take it, skills known to
 * the taxonomy (with suggestions), nobody verifying their own skills, certifications well formed.
 * Every problem is collected, so that one answer names them all.
 */
@ApplicationScoped
class ImportChecks {

    /** A row that passed every check, with what it resolved to; {@code existing} is null for a new person. */
    record Checked(
            Row row,
            PersonView existing,
            String email,
            PersonInput input,
            List<SkillSetting> skills,
            List<CertificationSetting> certs) {}

    private final Caller caller;
    private final BulkPeople people;
    private final TaxonomyCache taxonomy;
    private final Validator validator;

    ImportChecks(Caller caller, BulkPeople people, TaxonomyCache taxonomy, Validator validator) {
        this.caller = caller;
        this.people = people;
        this.taxonomy = taxonomy;
        this.validator = validator;
    }

    List<Checked> check(PeopleCsv.Parsed parsed, List<RowError> errors) {
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
}
