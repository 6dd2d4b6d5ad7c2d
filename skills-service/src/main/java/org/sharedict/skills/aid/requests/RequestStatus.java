package org.sharedict.skills.aid.requests;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a help request has got to: requested, then accepted or declined; accepted, then in
 * progress, then done. The asker may withdraw it until work starts. Nothing else moves.
 */
public enum RequestStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED,
    IN_PROGRESS,
    DONE,
    WITHDRAWN;

    public Set<RequestStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, WITHDRAWN);
            case IN_PROGRESS -> EnumSet.of(DONE);
            case DECLINED, DONE, WITHDRAWN -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus to) {
        return next().contains(to);
    }

    /** Time may be logged against it: the help was agreed and has not been called off. */
    public boolean takesTime() {
        return this == ACCEPTED || this == IN_PROGRESS || this == DONE;
    }
}
