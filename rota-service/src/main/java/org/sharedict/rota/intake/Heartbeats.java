package org.sharedict.rota.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.intake.AlertFormats.Signal;
import org.sharedict.rota.intake.IntakeDtos.CreatedHeartbeat;
import org.sharedict.rota.intake.IntakeDtos.HeartbeatView;
import org.sharedict.rota.intake.IntakeDtos.NewHeartbeat;
import org.sharedict.rota.intake.IntakeDtos.Ping;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Heartbeat monitors. A ping and the silence check both lock the monitor's row and change its state
 * in the transaction that raises or resolves its incident, so two instances checking at once, or a
 * ping racing the check, neither double nor lose an incident.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Heartbeats {

    /** The dedup key of a monitor's silence incident (scoped to the monitor by AlertHandling). */
    static final String SILENT = "silent";

    private final Caller caller;
    private final Clock clock;
    private final Auditor audit;
    private final Partners partners;
    private final PolicyService policies;
    private final IntegrationKeys keys;
    private final AlertHandling handling;
    private final RotaConfig config;

    Heartbeats(
            Caller caller,
            Clock clock,
            Auditor audit,
            Partners partners,
            PolicyService policies,
            IntegrationKeys keys,
            AlertHandling handling,
            RotaConfig config) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.partners = partners;
        this.policies = policies;
        this.keys = keys;
        this.handling = handling;
        this.config = config;
    }

    public CreatedHeartbeat create(NewHeartbeat in) {
        String partner = in.partner().toUpperCase(Locale.ROOT);
        keys.requireManagerOf(partner);
        if (in.policyId() != null) {
            PolicyView p = policies.get(in.policyId())
                    .orElseThrow(() -> ProblemException.invalid("policyId", "no escalation policy has this ID"));
            if (p.partner() != null && !p.partner().equals(partner)) {
                throw ProblemException.invalid("policyId", "is " + p.partner() + "'s policy, not " + partner + "'s");
            }
        }
        partners.requireExisting(List.of(new Partners.Wanted("partner", partner)));
        KeySecrets.Issued issued = KeySecrets.issue(KeySecrets.HEARTBEAT);
        Instant now = Instant.now(clock);
        HeartbeatMonitor m = new HeartbeatMonitor();
        m.partner = partner;
        m.name = in.name().trim();
        m.policyId = in.policyId();
        m.severity = in.severity();
        m.intervalSeconds = in.intervalSeconds();
        m.graceSeconds = in.graceSeconds() == null ? 0 : in.graceSeconds();
        m.publicId = issued.publicId();
        m.secretHash = KeySecrets.sha256(issued.secret());
        m.state = HeartbeatMonitor.State.WAITING;
        m.dueAt = now.plusSeconds(m.intervalSeconds + (long) m.graceSeconds);
        m.createdBy = caller.username();
        m.createdAt = now;
        m.persistAndFlush();
        audit.created(
                "heartbeat-monitor",
                m.id,
                partner,
                Map.of("name", m.name, "intervalSeconds", m.intervalSeconds, "graceSeconds", m.graceSeconds));
        return new CreatedHeartbeat(pingUrl(issued.key()), view(m));
    }

    public void delete(long id) {
        HeartbeatMonitor m = HeartbeatMonitor.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("Heartbeat monitor", id);
        }
        keys.requireManagerOf(m.partner);
        audit.deleted("heartbeat-monitor", m.id, m.partner, Map.of("name", m.name, "state", m.state.name()));
        m.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeartbeatView> list(String partner) {
        String p = keys.visiblePartner(partner);
        List<HeartbeatMonitor> all = p == null
                ? HeartbeatMonitor.list("order by partner, name, id")
                : HeartbeatMonitor.list("partner = ?1 order by name, id", p);
        return all.stream().map(this::view).toList();
    }

    /** A ping: the monitor is up until its next due time; a silence incident it raised is resolved. */
    public Ping ping(String presented) {
        Optional<KeySecrets.Parts> parts = KeySecrets.parse(KeySecrets.HEARTBEAT, presented);
        Long id = parts.isEmpty()
                ? null
                : HeartbeatMonitor.getEntityManager()
                        .createQuery("select m.id from HeartbeatMonitor m where m.publicId = :p", Long.class)
                        .setParameter("p", parts.get().publicId())
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        HeartbeatMonitor m = id == null ? null : HeartbeatMonitor.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !KeySecrets.matches(parts.get().secret(), m.secretHash)) {
            throw new ProblemException(new Problem(
                    "not-found", "Not found", 404, "No heartbeat monitor has this address; it may have been deleted"));
        }
        Instant now = Instant.now(clock);
        HeartbeatMonitor.State before = m.state;
        m.lastPingAt = now;
        m.dueAt = now.plusSeconds(m.intervalSeconds + (long) m.graceSeconds);
        m.state = HeartbeatMonitor.State.UP;
        if (before == HeartbeatMonitor.State.DOWN) {
            handling.handle(
                    origin(m),
                    IntakeAlert.Source.HEARTBEAT,
                    new Signal(IntakeAlert.Action.RESOLVE, SILENT, m.name + " is pinging again", null, null));
        }
        return new Ping(m.state, m.dueAt);
    }

    /** The monitors silent past their due time now; each is then marked down by {@link #markSilent}. Called from Quartz, so it opens its own (read) transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Long> silent() {
        return HeartbeatMonitor.getEntityManager()
                .createQuery(
                        "select m.id from HeartbeatMonitor m where m.state <> :down and m.dueAt <= :now order by m.dueAt",
                        Long.class)
                .setParameter("down", HeartbeatMonitor.State.DOWN)
                .setParameter("now", Instant.now(clock))
                .setMaxResults(500)
                .getResultList();
    }

    /** Marks one silent monitor down and raises its incident, unless a ping (or another instance) got there first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markSilent(long id) {
        HeartbeatMonitor m = HeartbeatMonitor.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        if (m == null || m.state == HeartbeatMonitor.State.DOWN || m.dueAt.isAfter(now)) {
            return false;
        }
        m.state = HeartbeatMonitor.State.DOWN;
        String since = m.lastPingAt == null ? "it was created" : "its last ping at " + m.lastPingAt;
        IntakeDtos.Handled h = handling.handle(
                origin(m),
                IntakeAlert.Source.HEARTBEAT,
                new Signal(
                        IntakeAlert.Action.TRIGGER,
                        SILENT,
                        m.name + " has not pinged for "
                                + Duration.between(m.lastPingAt == null ? m.createdAt : m.lastPingAt, now)
                                        .toMinutes() + " min",
                        null,
                        "Expected a ping every " + m.intervalSeconds + " s (grace " + m.graceSeconds
                                + " s); none since " + since + "."));
        m.incidentId = h.incidentId();
        Log.infof("Heartbeat monitor %d (%s) is silent: %s", m.id, m.partner, h.outcome());
        return true;
    }

    private static AlertHandling.Origin origin(HeartbeatMonitor m) {
        return new AlertHandling.Origin(
                m.partner, null, m.id, "heartbeat:" + m.name, "Heartbeat", m.policyId, m.severity);
    }

    String pingUrl(String key) {
        return config.publicUrl().replaceAll("/+$", "") + "/api/intake/heartbeats/" + key;
    }

    HeartbeatView view(HeartbeatMonitor m) {
        return new HeartbeatView(
                m.id,
                m.partner,
                m.name,
                m.policyId,
                m.severity,
                m.intervalSeconds,
                m.graceSeconds,
                KeySecrets.HEARTBEAT + "_" + m.publicId,
                m.state,
                m.lastPingAt,
                m.dueAt,
                m.incidentId,
                m.createdBy,
                m.createdAt,
                m.version);
    }
}
