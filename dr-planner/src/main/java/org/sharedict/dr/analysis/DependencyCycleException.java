package org.sharedict.dr.analysis;

import java.util.List;

/** The plan's dependencies go round in a circle, so no recovery order exists. */
public class DependencyCycleException extends RuntimeException {

    private final List<String> cycle;

    public DependencyCycleException(List<String> cycle) {
        super("Dependency cycle: " + String.join(" needs ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    /** Activity keys, each depending on the next; the first and the last are the same activity. */
    public List<String> cycle() {
        return cycle;
    }
}
