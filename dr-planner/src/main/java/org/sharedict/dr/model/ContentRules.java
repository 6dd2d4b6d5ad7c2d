package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sharedict.platform.problem.Problem.FieldError;

/**
 * Rules across activities that bean validation cannot see: unique keys, dependencies that name
 * existing activities, MTPD only for business services. Cycles are allowed while drafting and
 * reported by analysis (a 422 naming the cycle), so a lead can save work in progress.
 */
public final class ContentRules {

    private ContentRules() {}

    public static List<FieldError> check(TemplateContent content) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < content.activities().size(); i++) {
            Activity a = content.activities().get(i);
            if (!keys.add(a.key())) {
                errors.add(new FieldError("activities[" + i + "].key", "is used by another activity", a.key()));
            }
        }
        for (int i = 0; i < content.activities().size(); i++) {
            checkActivity(content.activities().get(i), "activities[" + i + "]", keys, errors);
        }
        return errors;
    }

    /** Checks one activity whose dependencies must be among {@code known} activity keys. */
    public static void checkActivity(Activity a, String path, Set<String> known, List<FieldError> errors) {
        Set<String> deps = new HashSet<>();
        for (int j = 0; j < a.dependsOn().size(); j++) {
            String d = a.dependsOn().get(j);
            String field = path + ".dependsOn[" + j + "]";
            if (d.equals(a.key())) {
                errors.add(new FieldError(field, "an activity cannot depend on itself", d));
            } else if (!known.contains(d)) {
                errors.add(new FieldError(field, "no activity has this key", d));
            } else if (!deps.add(d)) {
                errors.add(new FieldError(field, "is listed twice", d));
            }
        }
        Set<String> stepKeys = new HashSet<>();
        for (int j = 0; j < a.steps().size(); j++) {
            Step s = a.steps().get(j);
            if (!stepKeys.add(s.key())) {
                errors.add(new FieldError(
                        path + ".steps[" + j + "].key", "is used by another step of this activity", s.key()));
            }
        }
        if (a.mtpdMinutes() != null && a.category() != Category.BUSINESS_SERVICE) {
            errors.add(new FieldError(
                    path + ".mtpdMinutes", "applies only to BUSINESS_SERVICE activities", a.mtpdMinutes()));
        }
        if (a.mtpdMinutes() != null && a.rtoMinutes() != null && a.rtoMinutes() > a.mtpdMinutes()) {
            errors.add(new FieldError(path + ".rtoMinutes", "must not be longer than the MTPD", a.rtoMinutes()));
        }
    }
}
