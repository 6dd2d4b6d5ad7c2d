package org.sharedict.rota.people;

import java.util.Collection;

/**
 * Partners whose managers rota-service must know even when none of their people is in the snapshot
 * yet (escalation: a partner's default policy pages its managers). People refreshes their managers
 * with everyone else's; the features that want them implement this.
 */
public interface ManagersWanted {

    Collection<String> partners();
}
