package org.sharedict.gateway.platform;

/** An answer from another service: known, known to be absent, or unknown because it did not answer. */
public record Lookup<T>(State state, T value, String reason) {

    public enum State { KNOWN, NOT_FOUND, UNKNOWN }

    public static <T> Lookup<T> known(T value) {
        return new Lookup<>(State.KNOWN, value, null);
    }

    public static <T> Lookup<T> notFound(String reason) {
        return new Lookup<>(State.NOT_FOUND, null, reason);
    }

    public static <T> Lookup<T> unknown(String reason) {
        return new Lookup<>(State.UNKNOWN, null, reason);
    }
}
