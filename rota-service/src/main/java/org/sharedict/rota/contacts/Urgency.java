package org.sharedict.rota.contacts;

/** How urgently an incident wants a person: chosen from its severity by its escalation policy. */
public enum Urgency {
    HIGH,
    LOW
}
