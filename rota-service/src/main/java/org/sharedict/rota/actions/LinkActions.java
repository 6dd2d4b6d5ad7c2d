package org.sharedict.rota.actions;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.incidents.IncidentService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;

/**
 * What a page link does: {@link #look} answers what the link would do (a GET, which never acts: mail
 * scanners fetch links), {@link #act} does it once. Every refusal is a {@link Refused} with the status
 * and words for a person, never a stack trace.
 */
@ApplicationScoped
public class LinkActions {

    /** The link is refused: the status of the page and what it tells the reader. */
    static final class Refused extends RuntimeException {
        final int status;
        final String title;

        Refused(int status, String title, String message) {
            super(message, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    /** What a valid link would do, and to which incident, for whom. */
    record Confirmation(ActionKind action, IncidentView incident, String personName) {}

    private final ActionKey key;
    private final IncidentService incidents;
    private final People people;
    private final Clock clock;

    @Inject
    LinkActions(ActionKey key, IncidentService incidents, People people, Clock clock) {
        this.key = key;
        this.incidents = incidents;
        this.people = people;
        this.clock = clock;
    }

    Confirmation look(String token) {
        return QuarkusTransaction.requiringNew().call(() -> confirmation(claims(token)));
    }

    /** Does what the link says, once: the use is recorded in the transaction of the action, keyed by the token's ID. */
    Confirmation act(String token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                ActionTokens.Claims c = claims(token);
                Confirmation before = confirmation(c);
                ActionUse use = new ActionUse();
                use.tokenId = c.tokenId();
                use.incidentId = c.incidentId();
                use.personId = c.personId();
                use.action = c.action().word();
                use.usedAt = Instant.now(clock);
                use.expiresAt = c.expiresAt();
                use.persistAndFlush();
                IncidentView after = incidents.actByLink(
                        c.incidentId(),
                        IncidentService.LinkAction.valueOf(c.action().name()),
                        c.personId(),
                        before.personName());
                return new Confirmation(c.action(), after, before.personName());
            });
        } catch (ProblemException e) {
            throw new Refused(e.problem().status, "This link cannot do that now", e.problem().detail);
        } catch (RuntimeException e) {
            if (duplicateKey(e)) {
                throw used();
            }
            throw e;
        }
    }

    private ActionTokens.Claims claims(String token) {
        ActionTokens.Checked checked = key.tokens().check(token);
        if (checked.refusal() == ActionTokens.Refusal.MALFORMED) {
            throw new Refused(
                    404,
                    "This link is not valid",
                    "The link is not one this service made, or it was cut short or changed on the way."
                            + " Copy the whole link from the page, or sign in to act on the incident.");
        }
        ActionTokens.Claims c = checked.claims();
        if (ActionUse.findById(c.tokenId()) != null) {
            throw used();
        }
        if (checked.refusal() == ActionTokens.Refusal.EXPIRED) {
            throw new Refused(
                    410,
                    "This link has expired",
                    "Links in a page work for a limited time. Sign in to act on incident " + c.incidentId() + ".");
        }
        return c;
    }

    private Confirmation confirmation(ActionTokens.Claims c) {
        IncidentView i = incidents
                .get(c.incidentId())
                .orElseThrow(() -> new Refused(
                        404, "This incident no longer exists", "Incident " + c.incidentId() + " is not known here."));
        if (!incidents.hasPaged(c.incidentId(), c.personId())) {
            throw new Refused(
                    403,
                    "This link is not for this incident",
                    "Incident " + c.incidentId() + " has not paged the person this link was made for.");
        }
        String name = people.find(c.personId()).map(Contact::name).orElse("person " + c.personId());
        boolean allowed = c.action() == ActionKind.RESOLVE
                ? i.status() != Incident.Status.RESOLVED
                : i.status() == Incident.Status.TRIGGERED;
        if (!allowed) {
            throw new Refused(
                    409,
                    "Incident " + i.id() + " is already " + i.status().name().toLowerCase(Locale.ROOT),
                    (i.status() == Incident.Status.RESOLVED
                                    ? "It was resolved" + by(i.resolvedBy())
                                    : "It was acknowledged" + by(i.acknowledgedBy()))
                            + ", so there is nothing to " + c.action().word() + ".");
        }
        return new Confirmation(c.action(), i, name);
    }

    private static String by(String who) {
        return who == null ? "" : " by " + who;
    }

    private static Refused used() {
        return new Refused(
                409,
                "This link has already been used",
                "Each link in a page works once. Open the incident to see what has happened since.");
    }

    static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23000".equals(sql.getSQLState()) && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
