package org.sharedict.skills.links;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.platform.links.SignedLinkTokens;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.aid.requests.LinkDecisions;
import org.sharedict.skills.directory.ProfileLinks;
import org.sharedict.skills.platform.links.SignedLinks;
import org.sharedict.skills.platform.links.SignedLinks.Action;

/**
 * What a link in an e-mail does: {@link #look} answers what it would do (a GET, which never acts: mail
 * scanners fetch links), {@link #act} does it once, recording the token's ID in the same transaction.
 * Every refusal is a {@link Refused} with the status and words for a person, never a stack trace.
 */
@ApplicationScoped
public class LinkActions {

    /** The link is refused: the status of the page and what it tells the reader. */
    static final class Refused extends RuntimeException {
        final int status;
        final String title;
        final String field;

        Refused(int status, String title, String message, String field) {
            super(message, null, false, false);
            this.status = status;
            this.title = title;
            this.field = field;
        }
    }

    /** What a valid link does (or did), to what, for whom. */
    record Outcome(Action action, LinkDecisions.Summary request, ProfileLinks.Profile profile) {}

    private final SignedLinks links;
    private final LinkDecisions decisions;
    private final ProfileLinks profiles;
    private final Clock clock;

    LinkActions(SignedLinks links, LinkDecisions decisions, ProfileLinks profiles, Clock clock) {
        this.links = links;
        this.decisions = decisions;
        this.profiles = profiles;
        this.clock = clock;
    }

    Outcome look(String token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Claimed c = claims(token);
                return switch (c.action()) {
                    case PROFILE_CONFIRM ->
                        new Outcome(
                                c.action(),
                                null,
                                profiles.look(c.claims().subjectId(), c.claims().personId()));
                    default ->
                        new Outcome(
                                c.action(),
                                decisions.look(
                                        c.claims().subjectId(), c.claims().personId(), decision(c.action())),
                                null);
                };
            });
        } catch (ProblemException e) {
            throw refused(e);
        }
    }

    /** Does what the link says, once, as the person it was written to. */
    Outcome act(String token, String reason) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Claimed c = claims(token);
                LinkUse use = new LinkUse();
                use.tokenId = c.claims().tokenId();
                use.subjectId = c.claims().subjectId();
                use.personId = c.claims().personId();
                use.action = c.action().word;
                use.usedAt = Instant.now(clock);
                use.expiresAt = c.claims().expiresAt();
                use.persistAndFlush();
                long subject = c.claims().subjectId();
                long person = c.claims().personId();
                return switch (c.action()) {
                    case PROFILE_CONFIRM -> new Outcome(c.action(), null, profiles.confirm(subject, person));
                    default ->
                        new Outcome(c.action(), decisions.act(subject, person, decision(c.action()), reason), null);
                };
            });
        } catch (ProblemException e) {
            throw refused(e);
        } catch (RuntimeException e) {
            if (duplicateKey(e)) {
                throw used();
            }
            throw e;
        }
    }

    private record Claimed(SignedLinkTokens.Claims claims, Action action) {}

    private Claimed claims(String token) {
        SignedLinkTokens.Checked checked = links.check(token);
        Action action = checked.claims() == null
                ? null
                : Action.of(checked.claims().action()).orElse(null);
        if (action == null) {
            throw new Refused(
                    404,
                    "This link is not valid",
                    "The link is not one this service made, or it was cut short or changed on the way."
                            + " Copy the whole link from the e-mail, or sign in and do it in the app.",
                    null);
        }
        if (LinkUse.findById(checked.claims().tokenId()) != null) {
            throw used();
        }
        if (checked.refusal() == SignedLinkTokens.Refusal.EXPIRED) {
            throw new Refused(
                    410,
                    "This link has expired",
                    "Links in an e-mail work for a limited time. Sign in and do it in the app.",
                    null);
        }
        return new Claimed(checked.claims(), action);
    }

    private static LinkDecisions.Decision decision(Action a) {
        return switch (a) {
            case AID_APPROVE -> LinkDecisions.Decision.APPROVE;
            case AID_DECLINE -> LinkDecisions.Decision.DECLINE;
            case AID_ACCEPT -> LinkDecisions.Decision.ACCEPT;
            case PROFILE_CONFIRM -> throw new IllegalArgumentException("not a decision");
        };
    }

    private static Refused refused(ProblemException e) {
        int status = e.problem().status;
        String title = switch (status) {
            case 400 -> "Say why";
            case 403 -> "This link is not yours to use now";
            case 404 -> "This record no longer exists";
            default -> "This link cannot do that now";
        };
        String field = e.problem().errors == null || e.problem().errors.isEmpty()
                ? null
                : e.problem().errors.get(0).field();
        String detail =
                field == null ? e.problem().detail : e.problem().errors.get(0).message();
        return new Refused(status, title, detail, field);
    }

    private static Refused used() {
        return new Refused(
                409,
                "This link has already been used",
                "Each link in an e-mail works once. Sign in to see what has happened since.",
                null);
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
