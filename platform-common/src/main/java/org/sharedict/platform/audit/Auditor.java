package org.sharedict.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;

import org.sharedict.platform.security.Caller;
import org.sharedict.platform.web.RequestIds;

/**
 * Records writes in the same transaction as the write itself, so an audit entry exists exactly
 * when the change does.
 */
@ApplicationScoped
public class Auditor {

    private final ObjectMapper json;
    private final Clock clock;

    Auditor(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String action, String entityType, Object entityId, String partner, Object changes) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now(clock);
        e.actor = Caller.currentUsernameOrSystem();
        e.actorPartner = currentPartner();
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : entityId.toString();
        e.partner = partner;
        e.changes = toJson(changes);
        e.requestId = RequestIds.current();
        e.persist();
        return e;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry created(String entityType, Object entityId, String partner, Object state) {
        return record("CREATE", entityType, entityId, partner, state);
    }

    /** Records an update only when something actually changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(String entityType, Object entityId, String partner, Changes changes) {
        if (!changes.isEmpty()) {
            record("UPDATE", entityType, entityId, partner, changes.asMap());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry deleted(String entityType, Object entityId, String partner, Object lastState) {
        return record("DELETE", entityType, entityId, partner, lastState);
    }

    private String toJson(Object changes) {
        if (changes == null) {
            return null;
        }
        if (changes instanceof Changes c) {
            changes = c.asMap();
        }
        try {
            return json.writeValueAsString(changes instanceof String s ? Map.of("summary", s) : changes);
        } catch (JsonProcessingException ex) {
            return "{\"summary\":\"unserialisable change\"}";
        }
    }

    private static String currentPartner() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(Caller.class).get().partner().orElse(null);
    }
}
