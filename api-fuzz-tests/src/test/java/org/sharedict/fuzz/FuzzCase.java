package org.sharedict.fuzz;

import java.util.function.UnaryOperator;

/**
 * One generated request of an operation: the valid base request with one thing changed.
 *
 * @param label    what was changed, the same for the same kind of change everywhere ("1000-digit number")
 * @param target   the field (JSON path as the API names it, e.g. {@code layers[0].members}) or parameter
 *                 changed, which a 400 answer must name; null when the whole request is at fault
 * @param verdict  whether the input is invalid by the published contract (must be refused with a 4xx)
 * @param actor    who sends it; null for the operation's usual sender
 * @param change   turns the base request into this case's request
 * @param expectedProblem the problem type a 400 must have (after {@code urn:sharedict:problem:}), or null
 * @param wildcardSearch  a search for {@code %} or {@code _}, which no seeded record contains: must find nothing
 * @param wrongMethod     a method the path does not have: 405 with an {@code Allow} header
 */
record FuzzCase(
        String label,
        String target,
        Verdict verdict,
        Fixtures.Actor actor,
        UnaryOperator<Request> change,
        String expectedProblem,
        boolean wildcardSearch,
        boolean wrongMethod) {

    enum Verdict {
        /** Invalid by the published contract: must be refused with a 4xx problem and write nothing. */
        REJECT,
        /** Valid, or valid enough that accepting it is not wrong: anything but a 5xx or an undocumented answer. */
        ANY
    }

    static FuzzCase reject(String label, String target, UnaryOperator<Request> change) {
        return new FuzzCase(label, target, Verdict.REJECT, null, change, null, false, false);
    }

    static FuzzCase any(String label, String target, UnaryOperator<Request> change) {
        return new FuzzCase(label, target, Verdict.ANY, null, change, null, false, false);
    }

    FuzzCase as(Fixtures.Actor who) {
        return new FuzzCase(label, target, verdict, who, change, expectedProblem, wildcardSearch, wrongMethod);
    }

    FuzzCase expecting(String problemType) {
        return new FuzzCase(label, target, verdict, actor, change, problemType, wildcardSearch, wrongMethod);
    }

    FuzzCase wildcard() {
        return new FuzzCase(label, target, verdict, actor, change, expectedProblem, true, wrongMethod);
    }

    FuzzCase methodNotAllowed() {
        return new FuzzCase(label, target, verdict, actor, change, expectedProblem, wildcardSearch, true);
    }
}
