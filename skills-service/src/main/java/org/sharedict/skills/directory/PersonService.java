package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.search.Like;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.directory.PersonDtos.AvailabilityUpdate;
import org.sharedict.skills.directory.PersonDtos.PersonInput;
import org.sharedict.skills.directory.PersonDtos.PersonView;
import org.sharedict.skills.platform.Dates;
import org.sharedict.skills.platform.SkillsConfig;

/** People: who may add, change, confirm and remove them, and the audit of each change. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PersonService {

    private static final Map<String, String> SORTS = Map.of(
            "name",
            "name",
            "partner",
            "partner.code",
            "jobTitle",
            "jobTitle",
            "team",
            "team",
            "email",
            "email",
            "site",
            "site",
            "lastConfirmed",
            "lastConfirmed",
            "updatedAt",
            "updatedAt",
            "createdAt",
            "createdAt");

    private final Caller caller;
    private final PersonAccess access;
    private final Auditor audit;
    private final Clock clock;
    private final SkillsConfig config;
    private final HeldSkills heldSkills;
    private final LeaveBook leave;

    PersonService(
            Caller caller,
            PersonAccess access,
            Auditor audit,
            Clock clock,
            SkillsConfig config,
            HeldSkills heldSkills,
            LeaveBook leave) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.heldSkills = heldSkills;
        this.leave = leave;
    }

    public record Filter(String partner, Boolean manager, String q, String email, Boolean available) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PersonView> list(PageRequest page, Filter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        LocalDate today = today();
        if (f.partner() != null && !f.partner().isBlank()) {
            where.append(" and partner.code = :partner");
            params.and("partner", f.partner().trim().toUpperCase(Locale.ROOT));
        }
        if (f.manager() != null) {
            where.append(" and manager = :manager");
            params.and("manager", f.manager());
        }
        if (f.email() != null && !f.email().isBlank()) {
            where.append(" and email = :email");
            params.and("email", f.email().trim().toLowerCase(Locale.ROOT));
        }
        if (f.available() != null) {
            String avail = "(helpOtherPartners = true and (unavailableUntil is null or unavailableUntil <= :today))";
            where.append(f.available() ? " and " + avail : " and not " + avail);
            params.and("today", today);
        }
        if (f.q() != null && !f.q().isBlank()) {
            int i = 0;
            for (String word : f.q().trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                String p = "q" + i++;
                where.append(" and (lower(name) like :")
                        .append(p)
                        .append(Like.ESCAPE)
                        .append(" or lower(email) like :")
                        .append(p)
                        .append(Like.ESCAPE)
                        .append(" or lower(jobTitle) like :")
                        .append(p)
                        .append(Like.ESCAPE)
                        .append(" or lower(team) like :")
                        .append(p)
                        .append(Like.ESCAPE)
                        .append(" or lower(site) like :")
                        .append(p)
                        .append(Like.ESCAPE)
                        .append(")");
                params.and(p, Like.containing(word));
            }
        }
        LocalDate staleBefore = staleBefore(today);
        return Page.of(
                Person.<Person>find(where.toString(), page.toSort(SORTS, "name", "id"), params.map()),
                page,
                p -> PersonView.of(p, today, staleBefore));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonView> get(long id) {
        return Person.<Person>findByIdOptional(id).map(this::view);
    }

    public PersonView create(PersonInput in) {
        Partner partner = partner(in.partner());
        caller.requireEditRightsFor(partner.code, Roles.MANAGER);
        String email = in.email().trim().toLowerCase(Locale.ROOT);
        if (Person.findByEmail(email).isPresent()) {
            throw ProblemException.duplicate("email", email);
        }
        Person p = new Person();
        p.partner = partner;
        apply(p, in, email);
        if (p.lastConfirmed == null) {
            p.lastConfirmed = today();
        }
        p.createdAt = p.updatedAt = Instant.now(clock);
        p.persistAndFlush();
        if (p.unavailableUntil != null) {
            leave.awayUntil(p, p.unavailableUntil, p.unavailableReason);
        }
        audit.created("person", p.id, partner.code, view(p));
        return view(p);
    }

    public PersonView update(long id, PersonInput in, String ifMatch) {
        Person p = find(id);
        access.requireManage(PersonRef.of(p));
        ETags.requireMatch(p, ifMatch, in.version());
        Partner partner = partner(in.partner());
        if (!partner.code.equals(p.partner.code) && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only partnership admins move people to another partner");
        }
        String email = in.email().trim().toLowerCase(Locale.ROOT);
        Person.findByEmail(email).filter(other -> !other.id.equals(p.id)).ifPresent(other -> {
            throw ProblemException.duplicate("email", email);
        });
        Changes changes = Changes.track()
                .field("partner", p.partner.code, partner.code)
                .field("name", p.name, in.name().trim())
                .field("jobTitle", p.jobTitle, trim(in.jobTitle()))
                .field("team", p.team, trim(in.team()))
                .field("email", p.email, email)
                .field("workPhone", p.workPhone, trim(in.workPhone()))
                .field("mobile", p.mobile, trim(in.mobile()))
                .field("site", p.site, trim(in.site()))
                .field("manager", p.manager, Boolean.TRUE.equals(in.manager()))
                .field("helpOtherPartners", p.helpOtherPartners, Boolean.TRUE.equals(in.helpOtherPartners()))
                .field(
                        "helpHoursPerMonth",
                        p.helpHoursPerMonth,
                        in.helpHoursPerMonth() == null ? 0 : in.helpHoursPerMonth())
                .field("outOfHours", p.outOfHours, Boolean.TRUE.equals(in.outOfHours()))
                .field("unavailableUntil", p.unavailableUntil, in.unavailableUntil())
                .field("unavailableReason", p.unavailableReason, trim(in.unavailableReason()));
        LocalDate confirmed = p.lastConfirmed;
        LocalDate away = p.unavailableUntil;
        p.partner = partner;
        apply(p, in, email);
        boolean awayChanged = !Objects.equals(away, p.unavailableUntil);
        // Editing the profile is not the person confirming it, unless a date is given explicitly.
        p.lastConfirmed = in.lastConfirmed() != null ? in.lastConfirmed() : confirmed;
        changes.field("lastConfirmed", confirmed, p.lastConfirmed);
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        // After every change to the person, so that their row is written (and versioned) once.
        if (awayChanged) {
            leave.awayUntil(p, p.unavailableUntil, p.unavailableReason);
        }
        p.flush();
        audit.updated("person", p.id, partner.code, changes);
        return view(p);
    }

    public PersonView updateAvailability(long id, AvailabilityUpdate in, String ifMatch) {
        Person p = find(id);
        access.requireManageOrSelf(PersonRef.of(p));
        ETags.requireMatch(p, ifMatch, in.version());
        int hours = in.helpHoursPerMonth() == null ? 0 : in.helpHoursPerMonth();
        Changes changes = Changes.track()
                .field("helpOtherPartners", p.helpOtherPartners, in.helpOtherPartners())
                .field("helpHoursPerMonth", p.helpHoursPerMonth, hours)
                .field("outOfHours", p.outOfHours, in.outOfHours())
                .field("unavailableUntil", p.unavailableUntil, in.unavailableUntil())
                .field("unavailableReason", p.unavailableReason, trim(in.unavailableReason()));
        p.helpOtherPartners = in.helpOtherPartners();
        p.helpHoursPerMonth = hours;
        p.outOfHours = in.outOfHours();
        LocalDate away = p.unavailableUntil;
        p.unavailableUntil = in.unavailableUntil();
        p.unavailableReason = trim(in.unavailableReason());
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        if (!Objects.equals(away, p.unavailableUntil)) {
            leave.awayUntil(p, p.unavailableUntil, p.unavailableReason);
        }
        p.flush();
        audit.updated("person", p.id, p.partner.code, changes);
        return view(p);
    }

    /** The person (or their manager) says the profile and every skill on it are still true today. */
    public PersonView confirm(long id) {
        Person p = find(id);
        access.requireManageOrSelf(PersonRef.of(p));
        LocalDate today = today();
        LocalDate before = p.lastConfirmed;
        p.lastConfirmed = today;
        p.updatedAt = Instant.now(clock);
        int skills = heldSkills.confirmAll(p.id, today);
        p.flush();
        audit.record(
                "CONFIRM",
                "person",
                p.id,
                p.partner.code,
                Map.of(
                        "lastConfirmed",
                        Map.of("from", String.valueOf(before), "to", today.toString()),
                        "skillsConfirmed",
                        skills));
        return view(p);
    }

    public void delete(long id, String ifMatch) {
        Person p = find(id);
        access.requireManage(PersonRef.of(p));
        if (ifMatch != null) {
            ETags.requireMatch(p, ifMatch, null);
        }
        PersonView last = view(p);
        p.delete();
        p.flush();
        audit.deleted("person", last.id(), last.partner(), last);
    }

    /** Who the person is and whose staff, for the rooms that keep records about them; 404 if nobody has the ID. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonRef ref(long id) {
        // The partner comes in the same query: outside a transaction the entity is detached at once.
        return Person.<Person>find("from Person p join fetch p.partner where p.id = ?1", id)
                .firstResultOptional()
                .map(PersonRef::of)
                .orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    private Person find(long id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    private PersonView view(Person p) {
        LocalDate today = today();
        return PersonView.of(p, today, staleBefore(today));
    }

    public LocalDate today() {
        return Dates.today(clock);
    }

    public LocalDate staleBefore(LocalDate today) {
        return today.minusMonths(config.staleAfterMonths());
    }

    /** The partner a person record names; shared with {@link BulkPeople}, as are {@link #apply} and {@link #trim}. */
    static Partner partner(String code) {
        return Partner.findByCode(code.trim())
                .orElseThrow(() -> ProblemException.invalid("partner", "no partner has the code '" + code + "'"));
    }

    static void apply(Person p, PersonInput in, String email) {
        p.name = in.name().trim();
        p.jobTitle = trim(in.jobTitle());
        p.team = trim(in.team());
        p.email = email;
        p.workPhone = trim(in.workPhone());
        p.mobile = trim(in.mobile());
        p.site = trim(in.site());
        p.manager = Boolean.TRUE.equals(in.manager());
        p.helpOtherPartners = Boolean.TRUE.equals(in.helpOtherPartners());
        p.helpHoursPerMonth = in.helpHoursPerMonth() == null ? 0 : in.helpHoursPerMonth();
        p.outOfHours = Boolean.TRUE.equals(in.outOfHours());
        p.unavailableUntil = in.unavailableUntil();
        p.unavailableReason = trim(in.unavailableReason());
        p.lastConfirmed = in.lastConfirmed();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
