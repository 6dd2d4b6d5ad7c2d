package org.sharedict.dr.plans;

/** Raised in the transaction that approves a revision, so other rooms act with it (copies go out). */
public record PlanApproved(long planId, String series, String partner, String name, int revision) {}
