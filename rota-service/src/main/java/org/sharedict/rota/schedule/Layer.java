package org.sharedict.rota.schedule;

/** A rota's layers: the primary is paged first, the secondary backs them up. */
public enum Layer {
    PRIMARY,
    SECONDARY
}
