package org.sharedict.rota.notify;

/**
 * What notify needs of incidents to act on a reply (an SMS "1a", a key pressed in a call): incidents
 * depend on notify, so they implement this narrow interface. Runs in the caller's transaction.
 */
public interface PageReplies {

    enum Action {
        ACKNOWLEDGE,
        ESCALATE,
        RESOLVE
    }

    /**
     * Does {@code action} on the incident for the person it paged, recorded as {@code actor}; answers
     * what happened in words for the reply ("Incident #12 acknowledged."), including why nothing was done.
     */
    String act(long incidentId, long personId, String actor, Action action);
}
