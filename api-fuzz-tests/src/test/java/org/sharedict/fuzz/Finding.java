package org.sharedict.fuzz;

/**
 * One way an answer broke the contract, with what it takes to see it again: the request as sent and
 * the answer as received (both shortened for reading), and the request ID to find in the services' logs.
 */
record Finding(
        Kind kind,
        String operation,
        String label,
        String target,
        int status,
        String detail,
        String request,
        String answer,
        String requestId) {

    enum Kind {
        SERVER_ERROR("5xx answer", "Anything a client sends must get a 4xx problem, never a 5xx."),
        NO_ANSWER(
                "no answer",
                "No answer within " + Client.ANSWER_BOUND.toSeconds() + " s, or the connection was dropped."),
        UNDOCUMENTED_STATUS(
                "undocumented status", "The answer's status is not among the operation's documented responses."),
        SCHEMA_VIOLATION(
                "schema violation",
                "The answer's body (or media type) does not match what the operation documents for that status."),
        NOT_A_PROBLEM(
                "4xx that is not a problem",
                "A 4xx answer must be application/problem+json with type, title and status."),
        WRONG_PROBLEM(
                "problem that does not say what is wrong",
                "A 400 must name the invalid field or parameter (errors[].field or detail); malformed JSON is malformed-json; a missing record is not-found."),
        ACCEPTED_INVALID(
                "invalid input accepted",
                "Input the published contract says is invalid got a 2xx/3xx instead of a 4xx."),
        WRITE_BY_REJECTED("write by a rejected request", "A request answered 4xx/5xx changed stored data."),
        WILDCARD_SEARCH("% or _ as a wildcard", "A search for % or _ (which no record contains) found records."),
        METHOD_NOT_ALLOWED("wrong answer to a method the path does not have", "Must be 405 with an Allow header."),
        ERROR_LOGGED(
                "ERROR in a service log",
                "A service logged an ERROR (usually a stack trace) while answering the request.");

        final String title;
        final String rule;

        Kind(String title, String rule) {
            this.title = title;
            this.rule = rule;
        }
    }

    /**
     * Where the fault is, the unit the report counts: the operation and the kind of input; for an
     * undocumented status or a schema violation the operation and what it answered, whatever the input.
     */
    String place() {
        return switch (kind) {
            case UNDOCUMENTED_STATUS -> operation + " — answers " + status;
            case SCHEMA_VIOLATION -> operation + " — " + status + ": " + detail;
            default -> operation + " — " + label + (target == null ? "" : " (" + target + ")");
        };
    }
}
