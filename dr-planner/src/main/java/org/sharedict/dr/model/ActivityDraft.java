package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One activity while a plan is merged: the template's (or an added) activity, its steps and
 * dependencies as the customisation changes them, and which fields were overridden.
 */
final class ActivityDraft {
    Activity activity;
    final List<Step> steps;
    final Map<String, List<String>> stepOverrides = new HashMap<>();
    final Set<String> addedSteps = new HashSet<>();
    final LinkedHashSet<String> dependsOn;
    final List<String> overridden = new ArrayList<>();
    final boolean added;
    boolean touched;

    ActivityDraft(Activity a, boolean added) {
        this.activity = a;
        this.steps = new ArrayList<>(a.steps());
        this.dependsOn = new LinkedHashSet<>(a.dependsOn());
        this.added = added;
    }

    int stepIndex(String key) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
