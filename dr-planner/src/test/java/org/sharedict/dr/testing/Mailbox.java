package org.sharedict.dr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** What the test mail server received, by address: the text of a message and its attachment. */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    public static String text(MimeMessage m) {
        try {
            return text((Part) m);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part p) throws MessagingException, IOException {
        Object content = p.getContent();
        if (content instanceof String s && p.isMimeType("text/*")) {
            return s;
        }
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                if (b.getFileName() == null) {
                    String t = text(b);
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** The first attachment's name and bytes, or null without one. */
    public record Attachment(String name, String contentType, byte[] bytes) {}

    public static Attachment attachment(MimeMessage m) {
        try {
            if (!(m.getContent() instanceof Multipart mp)) {
                return null;
            }
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                if (b.getFileName() != null) {
                    try (InputStream in = b.getInputStream()) {
                        return new Attachment(b.getFileName(), b.getContentType(), in.readAllBytes());
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
