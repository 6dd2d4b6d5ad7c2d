package org.sharedict.rota.schedule;

/** Why a person holds a shift: the rotation, an override, covering a member on leave, or a swap. */
public enum Reason {
    SCHEDULED,
    OVERRIDE,
    LEAVE_COVER,
    SWAP
}
