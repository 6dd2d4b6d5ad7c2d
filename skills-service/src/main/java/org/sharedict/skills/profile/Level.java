package org.sharedict.skills.profile;

/** The five levels a person holds a skill at (PRODUCT.md). */
public enum Level {
    AWARENESS(1, "awareness"),
    WORKING_KNOWLEDGE(2, "working knowledge"),
    PRACTITIONER(3, "practitioner"),
    EXPERT(4, "expert"),
    AUTHORITY(5, "authority");

    public final int value;
    public final String label;

    Level(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public static final int MIN = 1;
    public static final int MAX = 5;

    public static Level of(int value) {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("level must be 1 to 5, not " + value);
        }
        return values()[value - 1];
    }

    public static String labelOf(int value) {
        return of(value).label;
    }
}
