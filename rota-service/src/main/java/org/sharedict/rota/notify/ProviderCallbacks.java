package org.sharedict.rota.notify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.sharedict.rota.notify.DeliveryRecorded.Outcome;

/**
 * What GOV.UK Notify and Twilio tell us back: delivery receipts (put on the incident's timeline)
 * and replies ("1a", a key pressed in a call), which act on the incident for the person paged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProviderCallbacks {

    static final Pattern REPLY = Pattern.compile("^\\s*(\\d{1,2})\\s*([aer])\\s*[.!]?\\s*$", Pattern.CASE_INSENSITIVE);

    private final SmsReplies replies;
    private final PageReplies incidents;
    private final Outbox outbox;
    private final Deliveries deliveries;

    ProviderCallbacks(SmsReplies replies, PageReplies incidents, Outbox outbox, Deliveries deliveries) {
        this.replies = replies;
        this.incidents = incidents;
        this.outbox = outbox;
        this.deliveries = deliveries;
    }

    /** Notify's delivery receipt for one SMS: {@code reference} is our notification's ID; false when no SMS of ours matches. */
    public boolean receipt(String providerId, String reference, String status) {
        Notification n = null;
        if (reference != null && reference.matches("\\d{1,18}")) {
            n = Notification.findById(Long.parseLong(reference), LockModeType.PESSIMISTIC_WRITE);
        }
        if (n == null && providerId != null) {
            n = Notification.<Notification>find("providerRef", providerId).firstResult();
        }
        if (n == null) {
            return false;
        }
        n.receipt = status;
        boolean delivered = "delivered".equalsIgnoreCase(status);
        boolean failed = status != null && status.toLowerCase(Locale.ROOT).contains("failure");
        if (delivered || failed) {
            deliveries.tell(
                    n,
                    delivered ? Outcome.DELIVERED : Outcome.UNDELIVERED,
                    n.attempts,
                    (delivered
                            ? "GOV.UK Notify: delivered to the phone"
                            : "GOV.UK Notify: not delivered (" + status + ")"));
        }
        return true;
    }

    /** A text message someone sent to our Notify number: acts on the page it names, or answers with help. */
    public void textReceived(String sourceNumber, String content) {
        String phone = e164(sourceNumber);
        if (phone == null) {
            Log.infof("ignored a received text from an unusable number %s", sourceNumber);
            return;
        }
        Matcher m = REPLY.matcher(content == null ? "" : content);
        Optional<SmsReply> page = m.matches() ? replies.find(phone, Integer.parseInt(m.group(1))) : Optional.empty();
        if (page.isEmpty()) {
            answer(phone, null, help(phone));
            return;
        }
        PageReplies.Action action = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "a" -> PageReplies.Action.ACKNOWLEDGE;
            case "e" -> PageReplies.Action.ESCALATE;
            default -> PageReplies.Action.RESOLVE;
        };
        SmsReply r = page.get();
        answer(phone, r.personId, incidents.act(r.incidentId, r.personId, "sms:" + phone, action));
    }

    /** A key pressed in a voice page: 1 acknowledges. */
    /** Whether {@code notificationId} is a voice page (the address Twilio calls back names it). */
    public boolean isVoicePage(long notificationId) {
        Notification n = Notification.findById(notificationId);
        return n != null && n.channel == Notification.Channel.VOICE;
    }

    public String keyPressed(long notificationId, String digits) {
        Notification n = Notification.findById(notificationId);
        if (n == null || n.incidentId == null || n.personId == null || n.channel != Notification.Channel.VOICE) {
            return "This call is not about an incident any more.";
        }
        if (!"1".equals(digits)) {
            return "You did not press 1; the incident is not acknowledged.";
        }
        return incidents.act(n.incidentId, n.personId, "voice:" + n.address, PageReplies.Action.ACKNOWLEDGE);
    }

    private String help(String phone) {
        List<SmsReply> open = replies.outstanding(phone);
        if (open.isEmpty()) {
            return "You have no outstanding pages. Replies work as 1a (acknowledge), 1e (escalate now), 1r (resolve).";
        }
        StringBuilder b = new StringBuilder(
                "Reply with a page's number and a letter: a acknowledge, e escalate now, r resolve. Your pages: ");
        for (int i = 0; i < open.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(open.get(i).number)
                    .append(" = incident #")
                    .append(open.get(i).incidentId);
        }
        return b.append('.').toString();
    }

    private void answer(String phone, Long personId, String text) {
        outbox.queueNotice(
                Notification.Purpose.SMS_REPLY, Notification.Channel.SMS, personId, null, phone, "Reply", text);
    }

    /** Notify sends numbers as 447700900123; ours are stored +447700900123. */
    static String e164(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[\\s()-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "44" + digits.substring(1);
        }
        return digits.matches("[1-9]\\d{7,14}") ? "+" + digits : null;
    }
}
