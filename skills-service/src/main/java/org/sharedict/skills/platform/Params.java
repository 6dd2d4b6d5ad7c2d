package org.sharedict.skills.platform;

import java.util.Locale;

import org.sharedict.platform.problem.ProblemException;

/** Strict reading of query parameters that JAX-RS would read leniently ("maybe" as false). */
public final class Params {

    private Params() {
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
