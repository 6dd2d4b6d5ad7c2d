package org.sharedict.gateway.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.platform.web.RequestIds;

/**
 * Sign-in events in the audit trail. Unlike other writes their actor is the person signing in
 * (who has no token yet), so they are written here rather than through {@code Auditor}; so are the
 * users that appear without a caller (the first admin, a first external sign-in). In the kernel
 * because sign-in (auth, oidc) and users both write such entries.
 */
@ApplicationScoped
public class SignInAudit {

    public static final String ENTITY = "user";

    private final ObjectMapper json;
    private final Clock clock;

    SignInAudit(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String username, Long userId, String partner, Map<String, Object> details) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now(clock);
        e.actor = truncate(username == null || username.isBlank() ? "anonymous" : username, 120);
        e.actorPartner = partner;
        e.action = action;
        e.entityType = ENTITY;
        e.entityId = userId == null ? null : userId.toString();
        e.partner = partner;
        e.requestId = RequestIds.current();
        try {
            e.changes =
                    details == null || details.isEmpty() ? null : json.writeValueAsString(new LinkedHashMap<>(details));
        } catch (JsonProcessingException ex) {
            e.changes = null;
        }
        e.persist();
    }

    /** At most {@code max} characters of {@code s}: what the audit's and the sessions' columns hold. */
    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
