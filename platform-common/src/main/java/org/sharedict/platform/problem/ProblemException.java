package org.sharedict.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a specific problem. Resources stay thin: they let these
 * propagate and {@link ProblemMappers} turns them into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

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

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem("bad-request", "Bad request", 400, detail));
    }

    /** A single invalid field, with the same shape as bean-validation failures. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem p = new Problem("validation-failed", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
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

    public static ProblemException unavailable(String detail) {
        return new ProblemException(new Problem("dependency-unavailable", "Service unavailable", 503, detail));
    }

    public static ProblemException of(int status, String typeSlug, String title, String detail, Map<String, Object> extensions) {
        Problem p = new Problem(typeSlug, title, status, detail);
        extensions.forEach(p::with);
        return new ProblemException(p);
    }
}
