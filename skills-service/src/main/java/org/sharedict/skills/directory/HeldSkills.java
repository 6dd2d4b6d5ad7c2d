package org.sharedict.skills.directory;

import java.time.LocalDate;

/**
 * What confirming a person's profile does to the skills they hold. The directory owns this narrow
 * interface and the profile room implements it, so that the directory need not know the profile
 * room (profile depends on directory, never the other way round).
 */
public interface HeldSkills {

    /** Marks every skill the person holds as confirmed on {@code day}; answers how many there were. */
    int confirmAll(long personId, LocalDate day);
}
