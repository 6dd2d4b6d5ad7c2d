package org.sharedict.rota.notify;

import java.net.URI;
import java.util.List;

/** The links a page carries so its reader can act on the incident without signing in. */
public interface PageActions {

    /** Links for one person's page about one incident, in the order they should be shown. */
    List<PageAction> forPage(long incidentId, long personId);

    /** One action: {@code action} is acknowledge, escalate or resolve; {@code label} the words shown. */
    record PageAction(String action, String label, URI url) {}
}
