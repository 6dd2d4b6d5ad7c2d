package org.sharedict.rota.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.rotas.ShiftService;

/**
 * Per-person calendar feeds. Calendar clients cannot send bearer tokens, so the feed URL carries a
 * random secret (256 bits); only its SHA-256 is stored. The person, their manager or an admin
 * issues (or rotates) it, which shows the URL once, and may revoke it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class FeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final Clock clock;
    private final Auditor audit;
    private final People people;
    private final ShiftService shifts;
    private final RotaConfig config;

    FeedService(Caller caller, Clock clock, Auditor audit, People people, ShiftService shifts, RotaConfig config) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.people = people;
        this.shifts = shifts;
        this.config = config;
    }

    /** {@code url} is present only in the answer that issued the secret. */
    public record FeedStatus(
            long personId,
            boolean active,
            @Schema(nullable = true) Instant issuedAt,
            @Schema(nullable = true) String issuedBy,
            @Schema(nullable = true) Instant lastUsedAt,
            @Schema(nullable = true) String url,
            String detail) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FeedToken> token(long personId) {
        return FeedToken.findByIdOptional(personId);
    }

    public long myPersonId() {
        return caller.personId()
                .orElseThrow(
                        () -> ProblemException.forbidden(
                                "Your sign-in is not linked to a person on the rotas (no person claim), so you have no feed of your own"));
    }

    /** The caller's own feed: issued on first request (with its URL), later only its state. */
    public FeedStatus mine() {
        long me = myPersonId();
        Optional<FeedToken> t = token(me);
        if (t.isEmpty()) {
            return issue(me);
        }
        return status(t.get(), null);
    }

    public FeedStatus status(long personId) {
        requireManage(personId);
        return token(personId)
                .map(t -> status(t, null))
                .orElse(new FeedStatus(
                        personId, false, null, null, null, null, "no feed issued; POST .../rotate issues one"));
    }

    /** Issues a new secret (the old URL stops working). */
    public FeedStatus issue(long personId) {
        requireManage(personId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        FeedToken t = FeedToken.findById(personId);
        boolean rotated = t != null;
        if (t == null) {
            t = new FeedToken();
            t.personId = personId;
        }
        t.tokenHash = hash(raw);
        t.issuedAt = Instant.now(clock);
        t.issuedBy = caller.username();
        t.lastUsedAt = null;
        t.persistAndFlush();
        audit.record(rotated ? "ROTATE" : "CREATE", "calendar-feed", personId, null, Map.of("personId", personId));
        String url = config.publicUrl().replaceAll("/+$", "") + "/api/calendar/feeds/" + raw + ".ics";
        return status(t, url);
    }

    public void revoke(long personId) {
        requireManage(personId);
        FeedToken t = FeedToken.<FeedToken>findByIdOptional(personId)
                .orElseThrow(() -> ProblemException.notFound("Calendar feed of person", personId));
        t.delete();
        audit.record("REVOKE", "calendar-feed", personId, null, Map.of("personId", personId));
    }

    /** The feed for a secret, or empty when no feed has it (revoked, rotated or made up). */
    public Optional<String> calendar(String raw) {
        Optional<FeedToken> t = FeedToken.find("tokenHash", hash(raw)).firstResultOptional();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        FeedToken token = t.get();
        Instant now = Instant.now(clock);
        if (token.lastUsedAt == null || Duration.between(token.lastUsedAt, now).toMinutes() >= 5) {
            token.lastUsedAt = now;
        }
        long personId = token.personId;
        String name = people.find(personId).map(p -> p.name()).orElse("person " + personId);
        return Optional.of(ICalendar.of(
                "On call: " + name,
                shifts.shiftsOf(
                        personId,
                        now.minus(Duration.ofDays(config.feeds().pastDays())),
                        now.plus(Duration.ofDays(config.feeds().futureDays()))),
                now));
    }

    /** The person themselves, a manager of their partner, or an admin. */
    private void requireManage(long personId) {
        if (caller.personId().map(p -> p == personId).orElse(false)) {
            return;
        }
        Contact p = people.require(personId);
        if (!caller.isAdmin()) {
            caller.requireEditRightsFor(p.partner(), Roles.MANAGER);
        }
    }

    private static FeedStatus status(FeedToken t, String url) {
        return new FeedStatus(
                t.personId,
                true,
                t.issuedAt,
                t.issuedBy,
                t.lastUsedAt,
                url,
                url != null
                        ? "keep this URL private: anyone with it can read the shifts; rotate it if it leaks"
                        : "the URL is shown only when issued; POST .../rotate for a new one (the old one stops working)");
    }

    static String hash(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
