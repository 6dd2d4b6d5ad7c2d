package org.sharedict.dr.copies;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.sharedict.platform.partnership.Partnership;

/** The words of the e-mails to copy holders. */
final class CopyMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CopyMail() {}

    static String subject(String planName, String partner, int revision) {
        return "Your offline copy of " + planName + " (" + partner + "), revision " + revision;
    }

    static String copy(String holder, String planName, String partner, int revision, String link) {
        return """
                Hello %s,

                Revision %d of the disaster recovery plan "%s" of %s has been approved. Its PDF is attached.

                You are one of the plan's copy holders: please keep this copy where you can read it when the
                council's systems are down (printed, or on a device that does not depend on them), and replace
                any earlier revision you hold.

                Please confirm that you have it:
                %s

                -- dr-planner, Shared ICT Support platform
                """.formatted(holder, revision, planName, partner, link);
    }

    static String reminderSubject(String planName, String partner, int revision) {
        return "Reminder: please confirm your copy of " + planName + " (" + partner + "), revision " + revision;
    }

    static String reminder(String holder, String planName, String partner, int revision, Instant sent, String link) {
        return """
                Hello %s,

                On %s we sent you revision %d of the disaster recovery plan "%s" of %s, and we have not yet
                heard that you have it. Please confirm:
                %s

                If you no longer have the PDF, ask the plan's DR lead for it.

                -- dr-planner, Shared ICT Support platform
                """.formatted(holder, DAY.format(sent.atZone(Partnership.zone())), revision, planName, partner, link);
    }
}
