package org.sharedict.dr.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.platform.UserDirectory;
import org.sharedict.dr.platform.mail.Outbox;
import org.sharedict.platform.remote.Lookup;

/**
 * The e-mails of the approval lifecycle, queued in the transaction of the change: a submission
 * tells everyone who may approve it (the partner's DR leads and the admins, but not its author);
 * an approval or a send-back tells the author. Who may approve, and their addresses, come from the
 * gateway's user directory at the time; when it cannot answer the revision says so
 * ({@link Plan#approvalMailProblem}) and the submission stands.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApprovalMail {

    private final Outbox outbox;
    private final UserDirectory directory;
    private final DrConfig config;
    private final Clock clock;

    public ApprovalMail(Outbox outbox, UserDirectory directory, DrConfig config, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /** Who a submission of a plan of {@code partner} by {@code author} e-mails. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Lookup<List<UserDirectory.Person>> approvers(String partner, String author) {
        Lookup<List<UserDirectory.Person>> all = directory.approversOf(partner);
        return all.isKnown()
                ? Lookup.known(all.value().stream()
                        .filter(a -> !a.username().equalsIgnoreCase(author))
                        .toList())
                : all;
    }

    /** E-mails the approvers and records on the revision how many were told, or why none was. */
    void submitted(Plan p) {
        Lookup<List<UserDirectory.Person>> found = approvers(p.partner, p.author);
        p.approvalMailAt = Instant.now(clock);
        if (!found.isKnown()) {
            p.approvalMailSent = 0;
            p.approvalMailProblem = "The approvers were not e-mailed: " + found.reason()
                    + ". Tell them yourself, or send the e-mail again.";
            return;
        }
        List<UserDirectory.Person> approvers = found.value();
        p.approvalMailSent = approvers.size();
        p.approvalMailProblem = approvers.isEmpty()
                ? "Nobody was e-mailed: the gateway knows no DR lead of " + p.partner
                        + " or admin with an e-mail address who may approve it."
                : null;
        for (UserDirectory.Person a : approvers) {
            outbox.queue(
                    a.email(),
                    "DR plan to approve: " + p.name + " (" + p.partner + "), revision " + p.revision,
                    """
                    Hello %s,

                    %s submitted revision %d of the disaster recovery plan "%s" of %s for approval.

                    Open it, check the recovery order and the analysis, and approve it or send it back:
                    %s

                    You receive this because you may approve %s's plans.
                    -- dr-planner, Shared ICT Support platform
                    """.formatted(
                                    a.name() == null ? a.username() : a.name(),
                                    p.submittedBy,
                                    p.revision,
                                    p.name,
                                    p.partner,
                                    link(p),
                                    p.partner));
        }
    }

    void approved(Plan p) {
        author(p)
                .ifPresent(to -> outbox.queue(
                        to,
                        "DR plan approved: " + p.name + " (" + p.partner + "), revision " + p.revision,
                        """
                        Revision %d of the disaster recovery plan "%s" of %s was approved by %s.%s

                        It is now the plan in force; its review is due on %s.
                        %s

                        -- dr-planner, Shared ICT Support platform
                        """.formatted(
                                        p.revision,
                                        p.name,
                                        p.partner,
                                        p.approvedBy,
                                        p.approvalNote == null || p.approvalNote.isBlank()
                                                ? ""
                                                : "\n\nTheir note: " + p.approvalNote,
                                        p.reviewDate,
                                        link(p))));
    }

    void sentBack(Plan p, String by) {
        author(p)
                .ifPresent(to -> outbox.queue(
                        to,
                        "DR plan sent back: " + p.name + " (" + p.partner + "), revision " + p.revision,
                        """
                        Revision %d of the disaster recovery plan "%s" of %s was sent back to draft by %s.

                        Their reason: %s

                        Change what they ask and submit it again:
                        %s

                        -- dr-planner, Shared ICT Support platform
                        """.formatted(p.revision, p.name, p.partner, by, p.approvalNote, link(p))));
    }

    private Optional<String> author(Plan p) {
        if (p.authorEmail != null && !p.authorEmail.isBlank()) {
            return Optional.of(p.authorEmail);
        }
        Lookup<String> found = directory.emailOf(p.partner, p.author);
        if (!found.isKnown()) {
            Log.infof("Plan %d's author %s is not e-mailed: %s", p.id, p.author, found.reason());
        }
        return Optional.ofNullable(found.value());
    }

    private String link(Plan p) {
        return config.publicUrl().replaceAll("/+$", "") + "/#/dr/plans/" + p.id;
    }
}
