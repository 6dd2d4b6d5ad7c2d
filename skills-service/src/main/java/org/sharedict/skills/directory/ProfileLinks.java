package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.platform.Dates;

/**
 * Confirming a profile from the signed link in a stale-profile nudge, without signing in: the link
 * names the profile and the person it was written to, who must be that person or, as they are now,
 * a manager of the profile's partner (the nudge to managers a month later). Confirming does what
 * the Confirm button does: the profile and every skill on it are true today.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProfileLinks {

    /** What the link's page shows. */
    public record Profile(long id, String name, String partner, LocalDate lastConfirmed, int skills, String byName) {}

    private final HeldSkills heldSkills;
    private final Auditor audit;
    private final Clock clock;

    ProfileLinks(HeldSkills heldSkills, Auditor audit, Clock clock) {
        this.heldSkills = heldSkills;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the link would do; never acts (mail scanners fetch links). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile look(long personId, long byPersonId) {
        Person p = allowed(personId, byPersonId);
        return profile(p, byPersonId, 0);
    }

    public Profile confirm(long personId, long byPersonId) {
        Person p = allowed(personId, byPersonId);
        LocalDate today = Dates.today(clock);
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
                        skills,
                        "by",
                        "e-mail link of person " + byPersonId));
        return profile(p, byPersonId, skills);
    }

    private static Person allowed(long personId, long byPersonId) {
        Person p = Person.<Person>find("from Person p join fetch p.partner where p.id = ?1", personId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Person", personId));
        if (personId != byPersonId) {
            Person by = Person.findById(byPersonId);
            if (by == null || !by.manager || !by.partner.id.equals(p.partner.id)) {
                throw ProblemException.forbidden(
                        "Only " + p.name + " or a manager of " + p.partner.code + " confirms this profile");
            }
        }
        return p;
    }

    private static Profile profile(Person p, long byPersonId, int skills) {
        String by = p.id == byPersonId
                ? p.name
                : Person.<Person>findByIdOptional(byPersonId).map(x -> x.name).orElse("a manager");
        return new Profile(p.id, p.name, p.partner.code, p.lastConfirmed, skills, by);
    }
}
