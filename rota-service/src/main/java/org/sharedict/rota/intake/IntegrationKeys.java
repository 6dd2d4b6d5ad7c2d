package org.sharedict.rota.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.intake.IntakeDtos.CreatedIntegration;
import org.sharedict.rota.intake.IntakeDtos.IntakeUrls;
import org.sharedict.rota.intake.IntakeDtos.IntegrationView;
import org.sharedict.rota.intake.IntakeDtos.NewIntegration;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.platform.RotaConfig;

/** Integration keys: created and revoked by the partner's managers (and admins), checked on every alert. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IntegrationKeys {

    /** The key that sent an alert, as the intake needs it. */
    record Sender(long id, String partner, String name, String service, Long policyId, Incident.Severity severity) {}

    private final Caller caller;
    private final Clock clock;
    private final Auditor audit;
    private final Partners partners;
    private final PolicyService policies;
    private final RotaConfig config;

    IntegrationKeys(
            Caller caller, Clock clock, Auditor audit, Partners partners, PolicyService policies, RotaConfig config) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.partners = partners;
        this.policies = policies;
        this.config = config;
    }

    public CreatedIntegration create(NewIntegration in) {
        String partner = in.partner().toUpperCase(Locale.ROOT);
        caller.requireEditRightsFor(partner, Roles.MANAGER);
        if (in.policyId() != null) {
            PolicyView p = policies.get(in.policyId())
                    .orElseThrow(() -> ProblemException.invalid("policyId", "no escalation policy has this ID"));
            if (p.partner() != null && !p.partner().equals(partner)) {
                throw ProblemException.invalid("policyId", "is " + p.partner() + "'s policy, not " + partner + "'s");
            }
        }
        partners.requireExisting(List.of(new Partners.Wanted("partner", partner)));
        KeySecrets.Issued issued = KeySecrets.issue(KeySecrets.INTEGRATION);
        IntegrationKey k = new IntegrationKey();
        k.partner = partner;
        k.name = in.name().trim();
        k.service = in.service().trim();
        k.policyId = in.policyId();
        k.defaultSeverity = in.defaultSeverity();
        k.publicId = issued.publicId();
        k.secretHash = KeySecrets.sha256(issued.secret());
        k.createdBy = caller.username();
        k.createdAt = Instant.now(clock);
        k.persistAndFlush();
        audit.created(
                "integration-key",
                k.id,
                partner,
                Map.of("name", k.name, "service", k.service, "severity", k.defaultSeverity.name()));
        return new CreatedIntegration(issued.key(), urls(issued.key()), view(k));
    }

    public IntegrationView revoke(long id) {
        IntegrationKey k = IntegrationKey.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (k == null) {
            throw ProblemException.notFound("Integration key", id);
        }
        caller.requireEditRightsFor(k.partner, Roles.MANAGER);
        if (k.revokedAt != null) {
            throw ProblemException.conflict("Integration key " + id + " is already revoked");
        }
        k.revokedAt = Instant.now(clock);
        k.revokedBy = caller.username();
        IntegrationKey.flush();
        audit.record("REVOKE", "integration-key", k.id, k.partner, Map.of("revoked", true));
        return view(k);
    }

    /** The partner's keys (admins: every partner's, or one's); managers see only their own partner's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IntegrationView> list(String partner) {
        String p = visiblePartner(partner);
        List<IntegrationKey> keys = p == null
                ? IntegrationKey.list("order by partner, name, id")
                : IntegrationKey.list("partner = ?1 order by name, id", p);
        return keys.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrationView get(long id) {
        return view(require(id));
    }

    /** The key, for a manager of its partner or an admin; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    IntegrationKey require(long id) {
        IntegrationKey k = IntegrationKey.findById(id);
        if (k == null) {
            throw ProblemException.notFound("Integration key", id);
        }
        requireManagerOf(k.partner);
        return k;
    }

    /** The sender a presented key proves, or 401: unknown, wrong and revoked keys look the same to a guesser. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Sender authenticate(String presented) {
        Optional<KeySecrets.Parts> parts = KeySecrets.parse(KeySecrets.INTEGRATION, presented);
        IntegrationKey k = parts.isEmpty()
                ? null
                : IntegrationKey.<IntegrationKey>find("publicId", parts.get().publicId())
                        .firstResult();
        if (k == null || !KeySecrets.matches(parts.get().secret(), k.secretHash) || k.revokedAt != null) {
            throw new ProblemException(new Problem(
                            "unauthenticated",
                            "Unauthenticated",
                            401,
                            "This integration key is not valid or was revoked: send the key shown when it was created, "
                                    + "in the URL or as Authorization: Bearer"))
                    .header("WWW-Authenticate", "Bearer");
        }
        return new Sender(k.id, k.partner, k.name, k.service, k.policyId, k.defaultSeverity);
    }

    /** Managers see their own partner (the one asked for must be it); admins any, or all when none is asked for. */
    String visiblePartner(String partner) {
        if (caller.isAdmin()) {
            return partner;
        }
        String own = caller.partner().orElse(null);
        if (!caller.hasRole(Roles.MANAGER) || own == null) {
            throw ProblemException.forbidden(
                    "Only managers (of their own partner) and admins manage monitoring intake");
        }
        if (partner != null && !partner.equalsIgnoreCase(own)) {
            throw ProblemException.forbidden("You see only your own partner's (" + own + ") monitoring intake");
        }
        return own.toUpperCase(Locale.ROOT);
    }

    void requireManagerOf(String partner) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.MANAGER) && caller.isOf(partner))) {
            throw ProblemException.forbidden("Only " + partner + "'s managers and admins manage its monitoring intake");
        }
    }

    IntakeUrls urls(String key) {
        String base = config.publicUrl().replaceAll("/+$", "") + "/api/intake/" + key;
        return new IntakeUrls(base + "/alertmanager", base + "/grafana", base + "/events");
    }

    IntegrationView view(IntegrationKey k) {
        Instant last = IntakeAlert.getEntityManager()
                .createQuery("select max(a.receivedAt) from IntakeAlert a where a.integrationKeyId = :k", Instant.class)
                .setParameter("k", k.id)
                .getSingleResult();
        return new IntegrationView(
                k.id,
                k.partner,
                k.name,
                k.service,
                k.policyId,
                k.defaultSeverity,
                KeySecrets.INTEGRATION + "_" + k.publicId,
                k.createdBy,
                k.createdAt,
                last,
                k.revokedAt != null,
                k.revokedAt,
                k.revokedBy,
                k.version);
    }
}
