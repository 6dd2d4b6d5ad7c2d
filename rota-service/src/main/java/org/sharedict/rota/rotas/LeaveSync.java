package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;
import org.sharedict.rota.people.LeaveDirectory;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Keeps {@code person_leave} a copy of the leave skills-service owns. A signed-in request that
 * reads leave (on call, shifts, the leave list) first makes sure the copy is at most
 * {@code rota.leave.max-age} old, reading skills-service's periods with the caller's token; when
 * skills-service cannot answer it is a 503, never an answer that may show someone away as
 * available. Work without a caller (pages, feeds, notices) uses the copy as it is: a page must go
 * out, and the copy is at worst as old as the last signed-in read.
 */
@ApplicationScoped
public class LeaveSync {

    private final LeaveDirectory directory;
    private final People people;
    private final Clock clock;
    private final RotaConfig config;
    private final Object lock = new Object();
    // Elapsed time, not the (test-movable) clock: the copy's age is real time since it was read.
    private volatile long readAtNanos;
    private volatile Instant readAt;

    LeaveSync(LeaveDirectory directory, People people, Clock clock, RotaConfig config) {
        this.directory = directory;
        this.people = people;
        this.clock = clock;
        this.config = config;
    }

    /** The copy agrees with skills-service as of at most {@code rota.leave.max-age} ago, or this is a 503. */
    public void requireCurrent() {
        if (fresh()) {
            return;
        }
        synchronized (lock) {
            if (fresh()) {
                return;
            }
            long asked = System.nanoTime();
            Instant from = Instant.now(clock).minus(config.leave().lookBack());
            Lookup<List<LeaveDirectory.Away>> answer = directory.leave(from);
            if (!answer.isKnown()) {
                throw ProblemException.unavailable("Cannot know who is on leave: " + answer.reason()
                        + (readAt == null ? "" : "; rota-service last read it at " + readAt)
                        + ". Rather than show someone who may be away as available, try again shortly");
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> mirror(answer.value(), from));
            } catch (PersistenceException e) {
                // Another instance wrote the same rows a moment ago; its copy is as good as ours.
                Log.debugf("Leave copy written concurrently, reading again: %s", e.toString());
                QuarkusTransaction.requiringNew().run(() -> mirror(answer.value(), from));
            }
            readAtNanos = asked;
            readAt = Instant.now(clock);
            // Names for the leave list and notes: anyone away whom rota-service has not met yet (best effort).
            people.learn(answer.value().stream()
                    .map(LeaveDirectory.Away::personId)
                    .distinct()
                    .toList());
        }
    }

    /** When this instance last read skills-service's leave (empty: not since it started). */
    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }

    /**
     * For work without a caller (a page choosing whom to wake): empty while the copy is current, else
     * words for the timeline saying the answer follows leave as last read, e.g. "who is on leave is as
     * rota-service last read it from skills-service, at 2026-12-07T16:10:02Z".
     */
    public Optional<String> staleness() {
        if (fresh()) {
            return Optional.empty();
        }
        return Optional.of("who is on leave is as rota-service last read it from skills-service"
                + (readAt == null ? " (not since this instance started)" : ", at " + readAt));
    }

    private boolean fresh() {
        return readAt != null
                && Duration.ofNanos(System.nanoTime() - readAtNanos)
                                .compareTo(config.leave().maxAge())
                        < 0;
    }

    /** Makes the copy of periods ending after {@code from} equal skills-service's answer. */
    private static void mirror(List<LeaveDirectory.Away> periods, Instant from) {
        Map<Long, PersonLeave> copied = new HashMap<>();
        for (PersonLeave l : PersonLeave.<PersonLeave>list("skillsLeaveId is not null and endsAt > ?1", from)) {
            copied.put(l.skillsLeaveId, l);
        }
        for (LeaveDirectory.Away a : periods) {
            PersonLeave l = copied.remove(a.id());
            if (l == null) {
                l = PersonLeave.<PersonLeave>find("skillsLeaveId", a.id()).firstResult();
            }
            if (l == null) {
                l = new PersonLeave();
                l.skillsLeaveId = a.id();
                l.createdBy = a.createdBy() == null ? "skills-service" : a.createdBy();
                l.createdAt = a.createdAt() == null ? Instant.EPOCH : a.createdAt();
            }
            l.personId = a.personId();
            l.startsAt = a.start();
            l.endsAt = a.end();
            l.reason = a.reason();
            l.persist();
        }
        copied.values().forEach(l -> l.delete());
        PersonLeave.flush();
    }
}
