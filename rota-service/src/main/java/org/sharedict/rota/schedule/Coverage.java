package org.sharedict.rota.schedule;

/** What a rota covers: the out-of-hours windows of the calendar, or every hour of the week. */
public enum Coverage {
    OUT_OF_HOURS,
    ALWAYS
}
