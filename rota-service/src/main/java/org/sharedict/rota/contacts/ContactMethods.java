package org.sharedict.rota.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.contacts.ContactDtos.MethodEdit;
import org.sharedict.rota.contacts.ContactDtos.MethodInput;
import org.sharedict.rota.contacts.ContactDtos.MethodView;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;

/**
 * People's contact methods: who may keep them (the person, their partner's managers, admins), the
 * checks on their addresses, and verification by a 6-digit code sent through the method and typed
 * back (kept only as a salted hash, expiring, a few attempts).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ContactMethods {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final People people;
    private final Clock clock;
    private final RotaConfig config;
    private final Outbox outbox;
    private final Auditor audit;

    ContactMethods(Caller caller, People people, Clock clock, RotaConfig config, Outbox outbox, Auditor audit) {
        this.caller = caller;
        this.people = people;
        this.clock = clock;
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** The person, when the caller may see and change their contact methods: themselves, their partner's managers, admins. */
    Contact requireKeeper(long personId) {
        boolean self = caller.personId().map(me -> me == personId).orElse(false);
        if (self || caller.isAdmin()) {
            return people.require(personId);
        }
        if (!caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden(
                    "Only the person themselves, their partner's managers and admins keep their contact methods");
        }
        Contact p = people.require(personId);
        if (!caller.isOf(p.partner())) {
            throw ProblemException.forbidden(
                    "You keep the contact methods of your own partner's staff only, not " + p.partner() + "'s");
        }
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MethodView> list(long personId) {
        requireKeeper(personId);
        Instant now = Instant.now(clock);
        return ContactMethod.<ContactMethod>list("personId = ?1 order by id", personId).stream()
                .map(m -> MethodView.of(m, now))
                .toList();
    }

    public MethodView add(long personId, MethodInput in) {
        Contact p = requireKeeper(personId);
        String address = Addresses.normalise(
                in.kind(), in.address(), config.contacts().plainHttpHosts().orElse(List.of()));
        if (ContactMethod.count("personId = ?1 and kind = ?2 and address = ?3", personId, in.kind(), address) > 0) {
            throw ProblemException.duplicate("address", address);
        }
        if (ContactMethod.count("personId", personId) >= 20) {
            throw ProblemException.invalid("kind", "a person keeps at most 20 contact methods");
        }
        ContactMethod m = new ContactMethod();
        m.personId = personId;
        m.kind = in.kind();
        m.address = address;
        m.label = blankToNull(in.label());
        m.createdAt = Instant.now(clock);
        m.persistAndFlush();
        audit.created("contact-method", m.id, p.partner(), Map.of("kind", m.kind.name()));
        return MethodView.of(m, m.createdAt);
    }

    public MethodView edit(long personId, long id, MethodEdit in) {
        ContactMethod m = find(personId, id);
        m.label = blankToNull(in.label());
        m.flush();
        return MethodView.of(m, Instant.now(clock));
    }

    public void delete(long personId, long id) {
        Contact p = requireKeeper(personId);
        ContactMethod m = find(personId, id);
        NotificationRule.delete("methodId", m.id);
        m.delete();
        audit.deleted("contact-method", id, p.partner(), Map.of("kind", m.kind.name()));
    }

    /** Sends a new code through the method (the previous one stops working). */
    public MethodView sendCode(long personId, long id) {
        ContactMethod m = find(personId, id);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        m.codeHash = salt + ":" + hash(salt, code);
        m.codeExpiresAt = Instant.now(clock).plus(config.contacts().codeLifetime());
        m.codeAttempts = 0;
        outbox.queueNotice(
                Notification.Purpose.VERIFICATION,
                m.kind.channel,
                personId,
                m.id,
                m.address,
                "Your Shared ICT Support verification code",
                // Spoken digit by digit on a call: "1 2 3 4 5 6", not "one hundred and twenty-three thousand...".
                "Your Shared ICT Support verification code is "
                        + (m.kind == MethodKind.VOICE ? String.join(" ", code.split("")) : code)
                        + ". It works for "
                        + config.contacts().codeLifetime().toMinutes()
                        + " minutes. If you did not ask for it, ignore this message.");
        m.flush();
        return MethodView.of(m, Instant.now(clock));
    }

    /**
     * Checks a typed-back code. A wrong code counts against the attempts even though the answer is
     * a 400 (the count is committed, the rest of the method is unchanged).
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ProblemException.class)
    public MethodView verify(long personId, long id, String typed) {
        ContactMethod m = find(personId, id);
        Instant now = Instant.now(clock);
        if (m.codeHash == null) {
            throw ProblemException.invalid("code", "no code has been sent for this method; send one first");
        }
        if (m.codeExpiresAt.isBefore(now)) {
            throw ProblemException.invalid("code", "has expired; send a new one");
        }
        if (m.codeAttempts >= config.contacts().codeAttempts()) {
            throw ProblemException.of(
                    429, "too-many-attempts", "Too many attempts", "Too many wrong codes; send a new one", Map.of());
        }
        String[] stored = m.codeHash.split(":", 2);
        if (!MessageDigest.isEqual(
                stored[1].getBytes(StandardCharsets.US_ASCII),
                hash(stored[0], typed.trim()).getBytes(StandardCharsets.US_ASCII))) {
            // Counted without touching the method's version: a wrong code changes nothing else about it.
            ContactMethod.update("codeAttempts = codeAttempts + 1 where id = ?1", m.id);
            throw ProblemException.invalid("code", "does not match the code sent");
        }
        m.verifiedAt = now;
        m.codeHash = null;
        m.codeExpiresAt = null;
        m.codeAttempts = 0;
        m.flush();
        return MethodView.of(m, now);
    }

    /** Sends a test message through the method, verified or not, so its owner sees what a page looks like there. */
    public void sendTest(long personId, long id) {
        ContactMethod m = find(personId, id);
        outbox.queueNotice(
                Notification.Purpose.CONTACT_TEST,
                m.kind.channel,
                personId,
                m.id,
                m.address,
                "Test from Shared ICT Support",
                "This is a test of your contact method" + (m.label == null ? "" : " \"" + m.label + "\"")
                        + ". Pages about incidents will reach you here"
                        + (m.verifiedAt == null ? " once it is verified." : "."));
    }

    ContactMethod find(long personId, long id) {
        requireKeeper(personId);
        ContactMethod m = ContactMethod.findById(id);
        if (m == null || m.personId != personId) {
            throw ProblemException.notFound("Contact method", id);
        }
        return m;
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
