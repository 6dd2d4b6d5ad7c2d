package org.sharedict.dr.model;

/** What kind of thing a recovery activity brings back. */
public enum Category {
    FACILITY,
    HARDWARE,
    NETWORK,
    PLATFORM,
    SYSTEM,
    BUSINESS_SERVICE
}
