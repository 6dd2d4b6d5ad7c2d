package org.sharedict.skills.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.csv.CsvDecoder;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.skills.directory.BulkPeople;
import org.sharedict.skills.directory.PersonRef;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;
import org.sharedict.skills.profile.BulkProfiles;
import org.sharedict.skills.transfer.ImportChecks.Checked;
import org.sharedict.skills.transfer.PeopleCsv.RowError;

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

    private final Caller caller;
    private final BulkPeople people;
    private final BulkProfiles profiles;
    private final ImportChecks checks;
    private final Auditor audit;
    private final Clock clock;
    private final SkillsConfig config;

    PeopleImport(
            Caller caller,
            BulkPeople people,
            BulkProfiles profiles,
            ImportChecks checks,
            Auditor audit,
            Clock clock,
            SkillsConfig config) {
        this.caller = caller;
        this.people = people;
        this.profiles = profiles;
        this.checks = checks;
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
        List<Checked> checked = checks.check(parsed, errors);
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
