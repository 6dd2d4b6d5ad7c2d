package org.sharedict.system;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** What a person reads in an e-mail the platform sent: its plain-text part (pages are text and HTML). */
public final class Mails {

    private Mails() {}

    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("an e-mail that cannot be read", e);
        }
    }
}
