package org.sharedict.dr.model;

import java.util.List;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

/**
 * The plan's dependencies go round in a circle, so no recovery order exists. It is the answer
 * itself (422 {@code dependency-cycle} naming the cycle), said once here where the cycle is found:
 * publishing, submitting, analysing, exporting and invoking all refuse a cycle the same way.
 */
public class DependencyCycleException extends ProblemException {

    private final List<String> cycle;

    public DependencyCycleException(List<String> cycle) {
        super(problem(List.copyOf(cycle)));
        this.cycle = List.copyOf(cycle);
    }

    /** Activity keys, each depending on the next; the first and the last are the same activity. */
    public List<String> cycle() {
        return cycle;
    }

    private static Problem problem(List<String> cycle) {
        return new Problem(
                        "dependency-cycle",
                        "Dependency cycle",
                        422,
                        "These activities depend on each other in a circle, so there is no recovery order: "
                                + String.join(" needs ", cycle))
                .with("cycle", cycle);
    }
}
