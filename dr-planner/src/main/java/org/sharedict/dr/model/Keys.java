package org.sharedict.dr.model;

/** Shapes of the identifiers inside a plan. */
public final class Keys {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";
    public static final String SKILL_PATTERN = "^[A-Z0-9_]{2,40}$";
    public static final String SKILL_MESSAGE = "must be a skills-service skill code (2 to 40 capitals, digits or '_')";
    /** Thirty days: no single step or objective in a DR plan is longer. */
    public static final int MAX_MINUTES = 43_200;

    private Keys() {}
}
