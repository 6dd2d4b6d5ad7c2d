package org.sharedict.platform.remote;

import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.sharedict.platform.problem.ProblemException;

/**
 * The answer of another service: known, known to be absent, or a clear "unknown" when it could not
 * be asked. Readers (DR analysis, staffing) show "unknown" and carry on; writes that must check a
 * reference use {@link #require}, reads of a record named in the path {@link #requireFound}.
 */
public record Lookup<T>(Status status, T value, String reason) {

    public enum Status {
        KNOWN,
        NOT_FOUND,
        UNKNOWN
    }

    public static <T> Lookup<T> known(T value) {
        return new Lookup<>(Status.KNOWN, value, null);
    }

    public static <T> Lookup<T> notFound(String reason) {
        return new Lookup<>(Status.NOT_FOUND, null, reason);
    }

    public static <T> Lookup<T> unknown(String reason) {
        return new Lookup<>(Status.UNKNOWN, null, reason);
    }

    /** Unknown because {@code service} did not answer: "skills-service did not answer (timed out)". */
    public static <T> Lookup<T> unanswered(String service, Throwable cause) {
        return unknown(service + " did not answer (" + why(cause) + ")");
    }

    /** Why a fault-tolerant call gave up, in words a user can act on. */
    static String why(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out";
        }
        if (name.contains("CircuitBreakerOpen")) {
            return "paused after repeated failures";
        }
        if (t instanceof WebApplicationException w) {
            return "HTTP " + w.getResponse().getStatus();
        }
        return "unreachable";
    }

    @JsonIgnore
    public boolean isKnown() {
        return status == Status.KNOWN;
    }

    /**
     * The value of a reference a write depends on: a 400 naming {@code field} when the other service
     * says it does not exist, a 503 when it could not be asked (so nothing is written either way).
     *
     * @param absent what the 400 says, e.g. "no partner has the code XYZ"
     * @param what   what could not be checked, e.g. "the partner code"
     */
    public T require(String field, String absent, String what) {
        return switch (status) {
            case KNOWN -> value;
            case NOT_FOUND -> throw ProblemException.invalid(field, absent);
            case UNKNOWN ->
                throw ProblemException.unavailable("Cannot check " + what + " now: " + reason + "; try again shortly");
        };
    }

    /**
     * The value of a record the request's path names: a 404 when the other service says it does not
     * exist, a 503 when it could not be asked.
     *
     * @param what the record's kind in the 404, e.g. "Person"
     */
    public T requireFound(String what, Object id) {
        return switch (status) {
            case KNOWN -> value;
            case NOT_FOUND -> throw ProblemException.notFound(what, id);
            case UNKNOWN ->
                throw ProblemException.unavailable("Cannot check " + what.toLowerCase(Locale.ROOT) + " " + id + " now: "
                        + reason + "; try again shortly");
        };
    }
}
