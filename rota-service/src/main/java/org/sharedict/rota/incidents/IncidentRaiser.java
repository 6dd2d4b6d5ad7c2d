package org.sharedict.rota.incidents;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;

/**
 * Raises an incident in a transaction of its own, and once more when a concurrent raise of the same
 * new dedup key committed first: the unique open key refuses the second insert at commit, and the
 * retry finds the open incident and joins it. Not transactional itself, so the retry is a new transaction.
 */
@ApplicationScoped
public class IncidentRaiser {

    private final IncidentService incidents;

    @Inject
    IncidentRaiser(IncidentService incidents) {
        this.incidents = incidents;
    }

    public IncidentService.Raised raise(IncidentInput in) {
        try {
            return incidents.raise(in);
        } catch (RuntimeException e) {
            if (in.dedupKey() == null || !duplicateKey(e)) {
                throw e;
            }
            return incidents.raise(in);
        }
    }

    /** As {@link #raise}, for an integration key or heartbeat monitor acting for {@code partner} as {@code raisedBy}. */
    public IncidentService.Raised raiseAs(String partner, IncidentInput in, String raisedBy) {
        try {
            return incidents.open(partner, in, raisedBy);
        } catch (RuntimeException e) {
            if (in.dedupKey() == null || !duplicateKey(e)) {
                throw e;
            }
            return incidents.open(partner, in, raisedBy);
        }
    }

    /** True when {@code e} is a clash on a unique key: for a raise, another raise of the same dedup key won. */
    public static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
