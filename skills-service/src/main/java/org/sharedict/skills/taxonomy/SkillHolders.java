package org.sharedict.skills.taxonomy;

/**
 * How many people hold a skill: a skill someone holds may not be removed. The taxonomy asks this
 * through its own narrow interface and the profile room, which keeps the holdings, answers it, so
 * that the taxonomy (read by every room) depends on none of them.
 */
public interface SkillHolders {

    long holders(long skillId);
}
