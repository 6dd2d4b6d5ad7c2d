package org.sharedict.dr.invocations;

/**
 * How an invocation's call-out stands: SENT (rota-service raised the incident), NOT_SENT (it could
 * not be sent: rota-service down, timed out or refused; may be retried), RESOLVED (the invocation
 * closed and the incident was resolved), NOT_RESOLVED (the invocation closed but the incident could
 * not be resolved; may be retried).
 */
public enum CallOutStatus {
    SENT,
    NOT_SENT,
    RESOLVED,
    NOT_RESOLVED
}
