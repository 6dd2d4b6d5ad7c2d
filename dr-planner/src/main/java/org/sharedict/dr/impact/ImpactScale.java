package org.sharedict.dr.impact;

import java.util.List;

/**
 * The business impact scale of ISO/TS 22317 as this platform uses it: five time points after a
 * disruption, five impact categories, ratings 1 (insignificant) to 5 (catastrophic). Impact becomes
 * <em>unacceptable</em> at {@link #UNACCEPTABLE} (major) in any one category: from that point on the
 * partner would breach a statutory duty, put someone at risk or lose what it cannot recover, which
 * is what the maximum tolerable period of disruption (MTPD) marks.
 */
public final class ImpactScale {

    /** Minutes after the disruption at which impact is rated: 1 h, 4 h, 24 h, 72 h, 1 week. */
    public static final List<Integer> TIME_POINTS = List.of(60, 240, 1440, 4320, 10080);

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** The rating at which impact is unacceptable (4, "major"). */
    public static final int UNACCEPTABLE = 4;

    public static final List<String> LABELS = List.of("insignificant", "minor", "moderate", "major", "catastrophic");

    public enum ImpactCategory {
        SERVICE_TO_RESIDENTS,
        STATUTORY_LEGAL,
        FINANCIAL,
        REPUTATION,
        SAFETY_SAFEGUARDING
    }

    private ImpactScale() {}
}
