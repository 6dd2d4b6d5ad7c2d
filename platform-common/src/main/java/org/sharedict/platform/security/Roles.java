package org.sharedict.platform.security;

/** The roles of the token contract ({@code groups} claim); see docs/ARCHITECTURE.md. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String ENGINEER = "engineer";
    public static final String DR_LEAD = "dr-lead";
    public static final String VIEWER = "viewer";
    /** A machine client (API key) acting for one partner with named permissions in {@code scope}. */
    public static final String INTEGRATION = "integration";

    private Roles() {}
}
