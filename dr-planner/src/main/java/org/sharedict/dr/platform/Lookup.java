package org.sharedict.dr.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The answer of another service, or a clear "unknown" when it could not be asked: analysis and
 * staffing still answer when skills-service or rota-service is down.
 */
public record Lookup<T>(Status status, T value, String reason) {

    public enum Status { KNOWN, NOT_FOUND, UNKNOWN }

    public static <T> Lookup<T> known(T value) {
        return new Lookup<>(Status.KNOWN, value, null);
    }

    public static <T> Lookup<T> notFound(String reason) {
        return new Lookup<>(Status.NOT_FOUND, null, reason);
    }

    public static <T> Lookup<T> unknown(String reason) {
        return new Lookup<>(Status.UNKNOWN, null, reason);
    }

    @JsonIgnore
    public boolean isKnown() {
        return status == Status.KNOWN;
    }
}
