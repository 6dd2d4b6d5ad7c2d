package org.sharedict.skills.profile;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.skills.directory.HeldSkills;

/** Confirming a profile confirms every skill on it: the profile room's half of the directory's {@link HeldSkills}. */
@ApplicationScoped
public class SkillConfirmations implements HeldSkills {

    @Override
    public int confirmAll(long personId, LocalDate day) {
        return PersonSkill.update("lastConfirmed = ?1, version = version + 1 where personId = ?2", day, personId);
    }
}
