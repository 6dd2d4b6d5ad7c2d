package org.sharedict.skills.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.skills.directory.PersonAccess;
import org.sharedict.skills.taxonomy.Skill;

/**
 * Skills and certifications read and written many at a time, for the CSV import and export (the
 * transfer room). The profile's rules stay here: how a level change undoes a verification, and
 * which stored certification a listed one updates. Writes are not audited here: the import audits
 * each person with the skill changes this answers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BulkProfiles {

    /** Largest IN list sent at once. */
    private static final int ID_CHUNK = 1000;

    /**
     * A skill to hold at a level. {@code verified}: true verifies it (as the caller), false marks it
     * self-assessed, null keeps a stored verification unless the level changes.
     */
    public record SkillSetting(Skill skill, int level, Boolean verified) {}

    public record CertificationSetting(
            String name, String issuer, String number, LocalDate obtained, LocalDate expires, Skill skill) {}

    public record HeldSkill(String skill, int level, boolean verified) {}

    public record HeldCertification(
            String name, String issuer, String number, LocalDate obtained, LocalDate expires, String skill) {}

    private final PersonAccess access;

    BulkProfiles(PersonAccess access) {
        this.access = access;
    }

    /**
     * Adds or updates each listed skill, confirmed on {@code confirmed}; skills not listed are kept.
     * Answers what changed, by skill code: new skills, and levels that changed.
     */
    public Map<String, Object> setSkills(long personId, List<SkillSetting> skills, LocalDate confirmed, Instant now) {
        Map<String, Object> log = new LinkedHashMap<>();
        for (SkillSetting s : skills) {
            setSkill(personId, s, confirmed, now, log);
        }
        return log;
    }

    private void setSkill(
            long personId, SkillSetting setting, LocalDate confirmed, Instant now, Map<String, Object> log) {
        Skill skill = setting.skill();
        PersonSkill ps = PersonSkill.<PersonSkill>find("personId = ?1 and skill = ?2", personId, skill)
                .firstResult();
        boolean isNew = ps == null;
        if (isNew) {
            ps = new PersonSkill();
            ps.personId = personId;
            ps.skill = skill;
            ps.createdAt = now;
        }
        boolean levelChanged = !isNew && ps.level != setting.level();
        int before = ps.level;
        ps.level = setting.level();
        ps.lastConfirmed = confirmed;
        ps.updatedAt = now;
        if (Boolean.TRUE.equals(setting.verified())) {
            if (isNew || levelChanged || !ps.verified()) {
                ps.verifiedBy = access.username();
                ps.verifiedAt = now;
            }
        } else if (Boolean.FALSE.equals(setting.verified()) || levelChanged) {
            ps.verifiedBy = null;
            ps.verifiedAt = null;
        }
        if (isNew) {
            ps.persist();
            log.put(skill.code, Map.of("level", setting.level(), "verified", ps.verified()));
        } else if (levelChanged) {
            log.put(skill.code, Map.of("from", before, "to", setting.level(), "verified", ps.verified()));
        }
    }

    /**
     * Each listed certification updates one stored certification of the person, or is added:
     * first one identical in name, issuer and number, then one of the same name, then one of the
     * same name in another case. A person may hold the same certification twice (renewed), so
     * each stored one is matched at most once, and names are compared in Java, not by the
     * database's accent-blind collation (Zoe and Zoë are two names).
     */
    public void setCertifications(long personId, List<CertificationSetting> listed, Instant now) {
        List<Certification> free =
                new ArrayList<>(Certification.<Certification>list("personId = ?1 order by id", personId));
        Certification[] matched = new Certification[listed.size()];
        List<BiPredicate<CertificationSetting, Certification>> passes = List.of(
                (cell, c) -> c.name.equals(cell.name())
                        && Objects.equals(c.issuer, cell.issuer())
                        && Objects.equals(c.number, cell.number()),
                (cell, c) -> c.name.equals(cell.name()),
                (cell, c) -> c.name.equalsIgnoreCase(cell.name()));
        for (BiPredicate<CertificationSetting, Certification> same : passes) {
            for (int i = 0; i < matched.length; i++) {
                CertificationSetting cell = listed.get(i);
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
            CertificationSetting cell = listed.get(i);
            Certification c = matched[i];
            if (c == null) {
                c = new Certification();
                c.personId = personId;
                c.createdAt = now;
            }
            c.name = cell.name();
            c.issuer = cell.issuer();
            c.number = cell.number();
            c.obtained = cell.obtained();
            c.expires = cell.expires();
            c.skill = cell.skill();
            c.updatedAt = now;
            c.persist();
        }
    }

    /** The skills of these people ({@code null}: everyone), highest level first, then by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<HeldSkill>> skills(Collection<Long> personIds) {
        Map<Long, List<HeldSkill>> out = new HashMap<>();
        for (List<Long> chunk : chunks(personIds)) {
            PersonSkill.<PersonSkill>list(
                            "from PersonSkill ps join fetch ps.skill"
                                    + (chunk == null ? "" : " where ps.personId in ?1")
                                    + " order by ps.level desc, ps.skill.code",
                            args(chunk))
                    .forEach(ps -> out.computeIfAbsent(ps.personId, k -> new ArrayList<>())
                            .add(new HeldSkill(ps.skill.code, ps.level, ps.verified())));
        }
        return out;
    }

    /** The certifications of these people ({@code null}: everyone), by name, then in the order they were added. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<HeldCertification>> certifications(Collection<Long> personIds) {
        Map<Long, List<HeldCertification>> out = new HashMap<>();
        for (List<Long> chunk : chunks(personIds)) {
            Certification.<Certification>list(
                            "from Certification c left join fetch c.skill"
                                    + (chunk == null ? "" : " where c.personId in ?1") + " order by c.name, c.id",
                            args(chunk))
                    .forEach(c -> out.computeIfAbsent(c.personId, k -> new ArrayList<>())
                            .add(new HeldCertification(
                                    c.name,
                                    c.issuer,
                                    c.number,
                                    c.obtained,
                                    c.expires,
                                    c.skill == null ? null : c.skill.code)));
        }
        return out;
    }

    /** {@code null} (everyone) as one pass without a filter; otherwise the IDs in chunks. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        if (ids == null) {
            out.add(null);
            return out;
        }
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + ID_CHUNK)));
        }
        return out;
    }

    private static Object[] args(List<Long> chunk) {
        return chunk == null ? new Object[0] : new Object[] {chunk};
    }
}
