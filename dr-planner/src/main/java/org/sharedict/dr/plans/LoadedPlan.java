package org.sharedict.dr.plans;

import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.TemplateContent;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.plans.PlanDtos.TemplateRef;

/** A plan revision with everything needed to compute with it: analysis, exports and invocations start here. */
public record LoadedPlan(
        PlanSnapshot plan,
        TemplateRef template,
        Specifics specifics,
        TemplateContent content,
        Customisation customisation,
        EffectivePlan effective) {}
