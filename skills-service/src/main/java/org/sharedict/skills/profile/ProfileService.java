package org.sharedict.skills.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.directory.PersonAccess;
import org.sharedict.skills.directory.PersonRef;
import org.sharedict.skills.directory.PersonService;
import org.sharedict.skills.profile.ProfileDtos.CertificationInput;
import org.sharedict.skills.profile.ProfileDtos.CertificationView;
import org.sharedict.skills.profile.ProfileDtos.NewPersonSkill;
import org.sharedict.skills.profile.ProfileDtos.PersonSkillUpdate;
import org.sharedict.skills.profile.ProfileDtos.PersonSkillView;
import org.sharedict.skills.taxonomy.Skill;
import org.sharedict.skills.taxonomy.Taxonomy;
import org.sharedict.skills.taxonomy.TaxonomyCache;

/**
 * A person's skills and certifications. Editing a skill confirms it; a level change undoes a
 * verification unless a manager verifies the new level in the same edit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProfileService {

    private final PersonService people;
    private final PersonAccess access;
    private final TaxonomyCache taxonomy;
    private final Auditor audit;
    private final Clock clock;

    ProfileService(PersonService people, PersonAccess access, TaxonomyCache taxonomy, Auditor audit, Clock clock) {
        this.people = people;
        this.access = access;
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- skills --------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonSkillView> skills(long personId) {
        PersonRef p = people.ref(personId);
        LocalDate staleBefore = people.staleBefore(people.today());
        return PersonSkill.<PersonSkill>list("personId", p.id()).stream()
                .sorted(Comparator.comparingInt((PersonSkill ps) -> -ps.level).thenComparing(ps -> ps.skill.code))
                .map(ps -> PersonSkillView.of(ps, staleBefore))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonSkillView skill(long personId, String code) {
        PersonSkill ps = held(people.ref(personId), code);
        return PersonSkillView.of(ps, people.staleBefore(people.today()));
    }

    public PersonSkillView addSkill(long personId, NewPersonSkill in) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        Skill skill = skill("skill", in.skill());
        if (PersonSkill.count("personId = ?1 and skill = ?2", p.id(), skill) > 0) {
            throw ProblemException.duplicate("skill", skill.code);
        }
        PersonSkill ps = new PersonSkill();
        ps.personId = p.id();
        ps.skill = skill;
        ps.level = in.level();
        ps.lastUsed = in.lastUsed();
        ps.notes = PersonServiceText.trim(in.notes());
        ps.lastConfirmed = people.today();
        if (Boolean.TRUE.equals(in.verified())) {
            access.requireVerify(p);
            ps.verifiedBy = access.username();
            ps.verifiedAt = Instant.now(clock);
        }
        ps.createdAt = ps.updatedAt = Instant.now(clock);
        ps.persistAndFlush();
        PersonSkillView v = PersonSkillView.of(ps, people.staleBefore(people.today()));
        audit.created("person_skill", p.id() + "/" + skill.code, p.partner(), v);
        return v;
    }

    public PersonSkillView updateSkill(long personId, String code, PersonSkillUpdate in, String ifMatch) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        PersonSkill ps = held(p, code);
        ETags.requireMatch(ps, ifMatch, in.version());
        boolean wasVerified = ps.verified();
        boolean levelChanged = ps.level != in.level();
        Changes changes = Changes.track()
                .field("level", ps.level, in.level())
                .field("lastUsed", ps.lastUsed, in.lastUsed())
                .field("notes", ps.notes, PersonServiceText.trim(in.notes()))
                .field("lastConfirmed", ps.lastConfirmed, people.today());
        ps.level = in.level();
        ps.lastUsed = in.lastUsed();
        ps.notes = PersonServiceText.trim(in.notes());
        ps.lastConfirmed = people.today();
        if (Boolean.TRUE.equals(in.verified())) {
            access.requireVerify(p);
            if (!wasVerified || levelChanged) {
                ps.verifiedBy = access.username();
                ps.verifiedAt = Instant.now(clock);
            }
        } else if (Boolean.FALSE.equals(in.verified()) || levelChanged) {
            ps.verifiedBy = null;
            ps.verifiedAt = null;
        }
        changes.field("verified", wasVerified, ps.verified());
        ps.updatedAt = Instant.now(clock);
        ps.flush();
        audit.updated("person_skill", p.id() + "/" + ps.skill.code, p.partner(), changes);
        return PersonSkillView.of(ps, people.staleBefore(people.today()));
    }

    public void removeSkill(long personId, String code, String ifMatch) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        PersonSkill ps = held(p, code);
        if (ifMatch != null) {
            ETags.requireMatch(ps, ifMatch, null);
        }
        PersonSkillView last = PersonSkillView.of(ps, people.staleBefore(people.today()));
        ps.delete();
        ps.flush();
        audit.deleted("person_skill", p.id() + "/" + last.skill(), p.partner(), last);
    }

    // ---- certifications ------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificationView> certifications(long personId) {
        PersonRef p = people.ref(personId);
        LocalDate today = people.today();
        return Certification.<Certification>list("personId = ?1 order by name, id", p.id()).stream()
                .map(c -> CertificationView.of(c, today))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificationView certification(long personId, long id) {
        return CertificationView.of(cert(people.ref(personId), id), people.today());
    }

    public CertificationView addCertification(long personId, CertificationInput in) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        checkDates(in);
        Certification c = new Certification();
        c.personId = p.id();
        apply(c, in);
        c.createdAt = c.updatedAt = Instant.now(clock);
        c.persistAndFlush();
        CertificationView v = CertificationView.of(c, people.today());
        audit.created("certification", c.id, p.partner(), v);
        return v;
    }

    public CertificationView updateCertification(long personId, long id, CertificationInput in, String ifMatch) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        Certification c = cert(p, id);
        ETags.requireMatch(c, ifMatch, in.version());
        checkDates(in);
        Changes changes = Changes.track()
                .field("name", c.name, in.name().trim())
                .field("issuer", c.issuer, PersonServiceText.trim(in.issuer()))
                .field("number", c.number, PersonServiceText.trim(in.number()))
                .field("obtained", c.obtained, in.obtained())
                .field("expires", c.expires, in.expires());
        String before = c.skill == null ? null : c.skill.code;
        apply(c, in);
        changes.field("skill", before, c.skill == null ? null : c.skill.code);
        if (!changes.isEmpty()) {
            c.updatedAt = Instant.now(clock);
        }
        c.flush();
        audit.updated("certification", c.id, p.partner(), changes);
        return CertificationView.of(c, people.today());
    }

    public void removeCertification(long personId, long id, String ifMatch) {
        PersonRef p = people.ref(personId);
        access.requireManageOrSelf(p);
        Certification c = cert(p, id);
        if (ifMatch != null) {
            ETags.requireMatch(c, ifMatch, null);
        }
        CertificationView last = CertificationView.of(c, people.today());
        c.delete();
        c.flush();
        audit.deleted("certification", last.id(), p.partner(), last);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A skill named exactly by code, name or alias (no typo guessing when writing). */
    public Skill skill(String field, String term) {
        Taxonomy t = taxonomy.current();
        var resolution = t.resolve(term, 0, 3);
        if (resolution instanceof Taxonomy.Resolved r) {
            Skill s = Skill.findById(r.skill().id());
            if (s != null) {
                return s;
            }
        }
        return Skill.findByCode(term.trim()).orElseThrow(() -> {
            List<String> suggestions = resolution instanceof Taxonomy.Unresolved u
                    ? u.suggestions().stream().map(Taxonomy.Entry::code).toList()
                    : List.of();
            return ProblemException.invalid(
                            field,
                            "no skill is called '" + term + "'"
                                    + (suggestions.isEmpty()
                                            ? ""
                                            : "; did you mean " + String.join(", ", suggestions) + "?"))
                    .with("suggestions", suggestions);
        });
    }

    private PersonSkill held(PersonRef p, String code) {
        return PersonSkill.<PersonSkill>find("personId = ?1 and skill.code = ?2", p.id(), code.toUpperCase(Locale.ROOT))
                .firstResultOptional()
                .orElseThrow(() ->
                        ProblemException.notFound("Skill " + code.toUpperCase(Locale.ROOT) + " of person", p.id()));
    }

    private static Certification cert(PersonRef p, long id) {
        return Certification.<Certification>find("id = ?1 and personId = ?2", id, p.id())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Certification", id));
    }

    private static void checkDates(CertificationInput in) {
        if (in.obtained() != null && in.expires() != null && in.expires().isBefore(in.obtained())) {
            throw ProblemException.invalid("expires", "must not be before obtained (" + in.obtained() + ")");
        }
    }

    private void apply(Certification c, CertificationInput in) {
        c.name = in.name().trim();
        c.issuer = PersonServiceText.trim(in.issuer());
        c.number = PersonServiceText.trim(in.number());
        c.obtained = in.obtained();
        c.expires = in.expires();
        c.skill = in.skill() == null || in.skill().isBlank() ? null : skill("skill", in.skill());
    }

    /** Small text helper kept here so the profile package does not reach into the directory's internals. */
    static final class PersonServiceText {
        private PersonServiceText() {}

        static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
