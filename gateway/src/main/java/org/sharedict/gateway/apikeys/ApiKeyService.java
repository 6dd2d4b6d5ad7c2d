package org.sharedict.gateway.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.gateway.apikeys.ApiKeyDtos.CreatedKey;
import org.sharedict.gateway.apikeys.ApiKeyDtos.KeyView;
import org.sharedict.gateway.apikeys.ApiKeyDtos.NewKey;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Secrets;
import org.sharedict.gateway.platform.SkillsDirectory;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/** API keys: created by admins (any partner) or managers (their own), shown once, revocable. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ApiKeyService {

    static final String ENTITY = "api_key";
    private static final Map<String, String> SORTS =
            Map.of("name", "name", "partner", "partner", "createdAt", "createdAt", "lastUsedAt", "lastUsedAt");

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final GatewayConfig config;
    private final SkillsDirectory skills;
    private final ApiKeyVerifier verifier;

    ApiKeyService(
            Caller caller,
            Auditor audit,
            Clock clock,
            GatewayConfig config,
            SkillsDirectory skills,
            ApiKeyVerifier verifier) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.skills = skills;
        this.verifier = verifier;
    }

    public CreatedKey create(NewKey in) {
        String partner = in.partner().toUpperCase(Locale.ROOT);
        requireRightsFor(partner);
        Set<String> permissions = new LinkedHashSet<>();
        for (String p : in.permissions()) {
            String permission = p.trim();
            if (!config.apiKeys().permissions().containsKey(permission)) {
                throw ProblemException.invalid(
                        "permissions",
                        "'" + p + "' is not a permission; use "
                                + config.apiKeys().permissions().keySet());
            }
            permissions.add(permission);
        }
        skills.partnerExists(partner).require("partner", "no partner has the code " + partner, "the partner code");
        String secret = ApiKeyFormat.newSecret();
        ApiKey k = new ApiKey();
        k.publicId = ApiKeyFormat.newPublicId();
        k.name = in.name().trim();
        k.partner = partner;
        k.permissionList = String.join(" ", permissions);
        k.secretHash = Secrets.sha256(secret);
        k.createdBy = caller.username();
        k.createdAt = Instant.now(clock);
        k.expiresAt = in.expiresAt();
        k.persist();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", k.name);
        state.put("permissions", k.permissionList);
        state.put("expiresAt", k.expiresAt == null ? null : k.expiresAt.toString());
        audit.created(ENTITY, k.id, k.partner, state);
        return new CreatedKey(
                ApiKeyFormat.format(k.publicId, secret),
                KeyView.of(k),
                "Store this key now: it is not shown again. Send it as the X-Api-Key header.");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<KeyView> list(String partner, boolean includeRevoked, PageRequest page) {
        String scope = partner == null || partner.isBlank() ? null : partner.toUpperCase(Locale.ROOT);
        if (!caller.isAdmin()) {
            requireManager();
            String own = caller.partner().orElseThrow(() -> ProblemException.forbidden("Your token names no partner"));
            if (scope != null && !scope.equals(own)) {
                throw ProblemException.forbidden("Managers see only their own partner's keys (" + own + ")");
            }
            scope = own;
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (scope != null) {
            where.append(" and partner = :partner");
            params.and("partner", scope);
        }
        if (!includeRevoked) {
            where.append(" and revokedAt is null");
        }
        return Page.of(
                ApiKey.<ApiKey>find(where.toString(), page.toSort(SORTS, "name", "id"), params), page, KeyView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyView get(long id) {
        ApiKey k = find(id);
        requireRightsFor(k.partner);
        return KeyView.of(k);
    }

    public KeyView revoke(long id) {
        ApiKey k = find(id);
        requireRightsFor(k.partner);
        if (k.revokedAt == null) {
            k.revokedAt = Instant.now(clock);
            k.revokedBy = caller.username();
            audit.record("REVOKE", ENTITY, k.id, k.partner, Map.of("name", k.name));
        }
        verifier.forget(k.publicId);
        return KeyView.of(k);
    }

    /** The key with this public id if it may be used now; notes its use at most once a minute. */
    public Optional<ApiKeyVerifier.KeyPrincipal> findUsable(String publicId, String secretHash) {
        ApiKey k = ApiKey.find("publicId", publicId).firstResult();
        Instant now = Instant.now(clock);
        if (k == null || !Secrets.same(k.secretHash, secretHash) || !k.isUsable(now)) {
            return Optional.empty();
        }
        if (k.lastUsedAt == null || Duration.between(k.lastUsedAt, now).toSeconds() >= 60) {
            ApiKey.update("lastUsedAt = ?1 where id = ?2", now, k.id);
        }
        return Optional.of(
                new ApiKeyVerifier.KeyPrincipal(k.id, k.publicId, k.name, k.partner, k.permissions(), k.expiresAt));
    }

    private ApiKey find(long id) {
        ApiKey k = ApiKey.findById(id);
        if (k == null) {
            throw ProblemException.notFound("API key", id);
        }
        return k;
    }

    private void requireManager() {
        if (!caller.isAdmin() && !caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only admins and managers manage API keys");
        }
    }

    private void requireRightsFor(String partner) {
        requireManager();
        if (!caller.isOf(partner)) {
            throw ProblemException.forbidden("Managers manage only their own partner's keys ("
                    + caller.partner().orElse("none") + "), not " + partner);
        }
    }
}
