package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;

/**
 * People read and written many at a time, for the CSV import and export (the transfer room): the
 * directory keeps its entities and its rules of what a person record holds, the file's rules
 * (who may import which row, what a row means) stay with the transfer. Writes here are not
 * audited: the import audits each person together with the skills it set.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BulkPeople {

    /** What importing one row did: who, and for an update the fields that changed (empty for a new person). */
    public record Imported(PersonRef person, String email, Changes changes) {}

    private final Clock clock;
    private final SkillsConfig config;
    private final LeaveBook leave;

    BulkPeople(Clock clock, SkillsConfig config, LeaveBook leave) {
        this.clock = clock;
        this.config = config;
        this.leave = leave;
    }

    /** Every partner's code, read now: a row may name a partner added or removed a moment ago, on any instance. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> partnerCodes() {
        return Partner.<Partner>listAll().stream().map(p -> p.code).collect(Collectors.toSet());
    }

    /** The people with these (lower-case) emails, by email. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, PersonView> byEmail(Collection<String> emails) {
        Map<String, PersonView> out = new HashMap<>();
        if (!emails.isEmpty()) {
            LocalDate today = Dates.today(clock);
            LocalDate staleBefore = today.minusMonths(config.staleAfterMonths());
            Person.<Person>list("from Person p join fetch p.partner where p.email in ?1", emails)
                    .forEach(p -> out.put(p.email, PersonView.of(p, today, staleBefore)));
        }
        return out;
    }

    /** Everyone, or only the people of the partner with code {@code partner}, by partner code, name and ID. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonView> everyone(String partner) {
        Partner only = null;
        if (partner != null && !partner.isBlank()) {
            only = Partner.findByCode(partner.trim())
                    .orElseThrow(
                            () -> ProblemException.invalid("partner", "no partner has the code '" + partner + "'"));
        }
        String where = only == null ? "" : " where p.partner = :partner";
        Parameters params = only == null ? new Parameters() : Parameters.with("partner", only);
        LocalDate today = Dates.today(clock);
        LocalDate staleBefore = today.minusMonths(config.staleAfterMonths());
        return Person.<Person>list(
                        "from Person p join fetch p.partner" + where + " order by p.partner.code, p.name, p.id", params)
                .stream()
                .map(p -> PersonView.of(p, today, staleBefore))
                .toList();
    }

    /**
     * Creates ({@code existingId} null) or updates a person from a checked row. A new person is
     * confirmed on the row's date or {@code today}; an update keeps the stored confirmation unless
     * the row gives one, and moves the person to the row's partner (the import checked the right to).
     */
    public Imported importPerson(Long existingId, PersonInput in, String email, LocalDate today, Instant now) {
        Partner partner = PersonService.partner(in.partner());
        Changes changes = Changes.track();
        Person p;
        if (existingId == null) {
            p = new Person();
            p.partner = partner;
            PersonService.apply(p, in, email);
            p.lastConfirmed = in.lastConfirmed() != null ? in.lastConfirmed() : today;
            p.createdAt = p.updatedAt = now;
            p.persist();
            if (p.unavailableUntil != null) {
                p.flush();
                leave.awayUntil(p, p.unavailableUntil, p.unavailableReason);
            }
        } else {
            p = Person.<Person>findByIdOptional(existingId)
                    .orElseThrow(() -> ProblemException.notFound("Person", existingId));
            LocalDate confirmed = p.lastConfirmed;
            changes.field("partner", p.partner.code, partner.code)
                    .field("name", p.name, in.name().trim())
                    .field("jobTitle", p.jobTitle, PersonService.trim(in.jobTitle()))
                    .field("team", p.team, PersonService.trim(in.team()))
                    .field("workPhone", p.workPhone, PersonService.trim(in.workPhone()))
                    .field("mobile", p.mobile, PersonService.trim(in.mobile()))
                    .field("site", p.site, PersonService.trim(in.site()))
                    .field("manager", p.manager, in.manager())
                    .field("helpOtherPartners", p.helpOtherPartners, in.helpOtherPartners())
                    .field(
                            "helpHoursPerMonth",
                            p.helpHoursPerMonth,
                            in.helpHoursPerMonth() == null ? 0 : in.helpHoursPerMonth())
                    .field("outOfHours", p.outOfHours, in.outOfHours())
                    .field("unavailableUntil", p.unavailableUntil, in.unavailableUntil())
                    .field("unavailableReason", p.unavailableReason, PersonService.trim(in.unavailableReason()));
            LocalDate away = p.unavailableUntil;
            p.partner = partner;
            PersonService.apply(p, in, email);
            p.lastConfirmed = in.lastConfirmed() != null ? in.lastConfirmed() : confirmed;
            changes.field("lastConfirmed", confirmed, p.lastConfirmed);
            if (!changes.isEmpty()) {
                p.updatedAt = now;
            }
            if (!Objects.equals(away, p.unavailableUntil)) {
                leave.awayUntil(p, p.unavailableUntil, p.unavailableReason);
            }
        }
        p.flush();
        return new Imported(PersonRef.of(p), p.email, changes);
    }
}
