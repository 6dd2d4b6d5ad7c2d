package org.sharedict.dr.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sharedict.dr.model.Category;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.Origin;

/** Small effective plans written out by hand for the impact tests. */
final class Plans {

    private Plans() {}

    static EffectiveActivity activity(String key, int tier, int rto, Integer rpo, Integer mtpd, String... dependsOn) {
        return new EffectiveActivity(
                key,
                "Activity " + key,
                Category.SYSTEM,
                tier,
                rto,
                rpo,
                mtpd,
                null,
                Arrays.asList(dependsOn),
                List.of(),
                Origin.TEMPLATE,
                List.of());
    }

    static EffectivePlan plan(EffectiveActivity... activities) {
        return new EffectivePlan(new ArrayList<>(Arrays.asList(activities)), List.of());
    }
}
