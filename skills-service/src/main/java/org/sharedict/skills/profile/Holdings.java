package org.sharedict.skills.profile;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.skills.directory.HeldSkills;
import org.sharedict.skills.taxonomy.SkillHolders;

/**
 * What other rooms ask of the skills people hold, through narrow interfaces they own: the
 * directory confirms them with a profile ({@link HeldSkills}), the taxonomy will not remove a
 * skill someone holds ({@link SkillHolders}).
 */
@ApplicationScoped
public class Holdings implements HeldSkills, SkillHolders {

    @Override
    public int confirmAll(long personId, LocalDate day) {
        return PersonSkill.update("lastConfirmed = ?1, version = version + 1 where personId = ?2", day, personId);
    }

    @Override
    public long holders(long skillId) {
        return PersonSkill.count("skill.id", skillId);
    }
}
