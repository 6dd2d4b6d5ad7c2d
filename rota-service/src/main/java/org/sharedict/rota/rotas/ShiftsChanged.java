package org.sharedict.rota.rotas;

import java.util.List;

import org.sharedict.rota.schedule.Shift;

/**
 * A change to a rota (creating, editing or deleting it, an override, leave or a swap) may have moved
 * its upcoming shifts: the rota's whole shifts meeting the notice horizon before and after the
 * change, both read at one instant. Fired in the change's transaction; notify tells the people
 * whose own shifts differ.
 */
public record ShiftsChanged(String rotaName, List<Shift> before, List<Shift> after, boolean published) {

    public ShiftsChanged {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
