package org.sharedict.platform.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a specific problem. Resources stay thin: they let these
 * propagate and {@link ProblemMappers} turns them into problem+json.
 */
public class ProblemException extends RuntimeException {

    /** Seconds a client is asked to wait before retrying a 503 (a dependency or the database down). */
    public static final long RETRY_AFTER_SECONDS = 5;

    private final transient Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(Problem problem) {
        super(problem.detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public ProblemException with(String name, Object value) {
        problem.with(name, value);
        return this;
    }

    /** Response headers that go with the problem, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemException retryAfter(Duration wait) {
        return header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem("bad-request", "Bad request", 400, detail));
    }

    /** A single invalid field, with the same shape as bean-validation failures. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem p = new Problem(
                "validation-failed",
                "Invalid request",
                400,
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        p.errors = List.copyOf(errors);
        return new ProblemException(p);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(new Problem("not-found", "Not found", 404, what + " " + id + " does not exist"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem("forbidden", "Forbidden", 403, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("conflict", "Conflict", 409, detail));
    }

    public static ProblemException duplicate(String field, Object value) {
        Problem p = new Problem("duplicate", "Already exists", 409, field + " '" + value + "' is already in use");
        p.errors = List.of(new Problem.FieldError(field, "already in use", value));
        return new ProblemException(p);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(new Problem("precondition-failed", "Precondition failed", 412, detail));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(new Problem("precondition-required", "Precondition required", 428, detail));
    }

    public static ProblemException unprocessable(String typeSlug, String title, String detail) {
        return new ProblemException(new Problem(typeSlug, title, 422, detail));
    }

    /** A 503: something this answer needs is down; the client may retry after a few seconds. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(new Problem("dependency-unavailable", "Service unavailable", 503, detail))
                .retryAfter(Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    /** The 503 for this service's own database not answering (down, frozen or out of connections). */
    public static ProblemException databaseUnavailable() {
        return unavailable("The database is not answering just now; try again in a few seconds")
                .with("service", "database");
    }

    /** The 503 for a write that lost a deadlock or a lock wait to other writes of the same records. */
    public static ProblemException databaseBusy() {
        return unavailable("Other changes to the same records were being made at the same moment; nothing was"
                        + " saved, try again")
                .with("service", "database");
    }

    public static ProblemException of(
            int status, String typeSlug, String title, String detail, Map<String, Object> extensions) {
        Problem p = new Problem(typeSlug, title, status, detail);
        extensions.forEach(p::with);
        return new ProblemException(p);
    }
}
