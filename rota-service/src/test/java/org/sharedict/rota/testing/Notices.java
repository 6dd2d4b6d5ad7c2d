package org.sharedict.rota.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.rota.notify.Notification;

/**
 * What rota-service's outbox holds for a person: the record of every notice it decided to send. Tests
 * of other rooms (feeds, rotas) ask here rather than reading the notify room's entities themselves.
 */
public final class Notices {

    private Notices() {}

    /** "Your on-call shifts changed" notices to this person. */
    public static long shiftsChanged(long personId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count(
                        "purpose = ?1 and personId = ?2 and subject like ?3",
                        Notification.Purpose.SHIFTS_CHANGED,
                        personId,
                        "%changed%"));
    }
}
