package org.sharedict.rota.notify;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.platform.json.Json;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.RotaConfig;

/**
 * What a page says on every channel: the same facts (summary, partner, severity, who is paged, when
 * in the partnership's time (UK time) in words, a link to the incident's page in the web UI, the action links) as an e-mail
 * in plain text and HTML, an SMS, words for a call, a Teams Adaptive Card and a Slack Block Kit
 * message. Also the short notices (verification codes, tests, answers to SMS replies).
 */
@ApplicationScoped
public class PageMessages {

    /** "Sunday 6 December, 23:14": read at 3 a.m. by someone just woken, so words, not ISO-8601. */
    static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.UK);

    private final RotaConfig config;
    private final Json json;

    @Inject
    PageMessages(RotaConfig config, Json json) {
        this.config = config;
        this.json = json;
    }

    public static String when(Instant t) {
        return SPOKEN.format(t.atZone(Partnership.zone()));
    }

    /** The incident's page in the web UI. */
    public String link(long incidentId) {
        return config.publicUrl().replaceAll("/+$", "") + "/#/incidents/" + incidentId;
    }

    public static String subject(Page p) {
        return "[" + p.severity() + "] " + p.partner() + " incident #" + p.incidentId() + ": " + p.summary();
    }

    private static String stepText(Page p) {
        return "step " + p.step() + (p.pass() > 1 ? " (repeat " + (p.pass() - 1) + ")" : "") + " of \"" + p.policyName()
                + "\"";
    }

    private static String raised(Page p) {
        return when(p.raisedAt()) + " by " + p.raisedBy()
                + (p.occurrences() > 1 ? ", seen " + p.occurrences() + " times" : "");
    }

    public String mailText(Page p, List<PageActions.PageAction> actions) {
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(p.personName()).append(",\n\n");
        b.append("You are being paged for ")
                .append(p.partner())
                .append(": ")
                .append(p.summary())
                .append("\n\n");
        b.append("Severity:  ")
                .append(p.severity())
                .append(" (")
                .append(p.urgency().toLowerCase(Locale.ROOT))
                .append(" urgency)\n");
        b.append("Raised:    ").append(raised(p)).append(" (UK time)\n");
        b.append("Paged now: ")
                .append(String.join(", ", p.paged()))
                .append(", ")
                .append(stepText(p))
                .append('\n');
        if (p.details() != null) {
            b.append('\n').append(p.details()).append('\n');
        }
        b.append("\nThe incident: ").append(link(p.incidentId())).append('\n');
        for (PageActions.PageAction a : actions) {
            b.append(a.label()).append(": ").append(a.url()).append('\n');
        }
        b.append("\n-- rota-service, Shared ICT Support platform\n");
        return b.toString();
    }

    public String mailHtml(Page p, List<PageActions.PageAction> actions) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(subject(p)))
                .append("</title></head><body style=\"font-family: Arial, sans-serif; font-size: 16px;\">");
        b.append("<p>Hello ").append(esc(p.personName())).append(",</p>");
        b.append("<h1 style=\"font-size: 20px;\">")
                .append(esc(p.partner()))
                .append(": ")
                .append(esc(p.summary()))
                .append("</h1>");
        b.append("<table role=\"presentation\">");
        row(b, "Severity", p.severity() + " (" + p.urgency().toLowerCase(Locale.ROOT) + " urgency)");
        row(b, "Raised", raised(p) + " (UK time)");
        row(b, "Paged now", String.join(", ", p.paged()) + ", " + stepText(p));
        b.append("</table>");
        if (p.details() != null) {
            b.append("<p>").append(esc(p.details())).append("</p>");
        }
        b.append("<p><a href=\"")
                .append(esc(link(p.incidentId())))
                .append("\">Open incident #")
                .append(p.incidentId())
                .append("</a></p>");
        if (!actions.isEmpty()) {
            b.append("<ul>");
            for (PageActions.PageAction a : actions) {
                b.append("<li><a href=\"")
                        .append(esc(a.url().toString()))
                        .append("\">")
                        .append(esc(a.label()))
                        .append("</a></li>");
            }
            b.append("</ul>");
        }
        b.append("<p>-- rota-service, Shared ICT Support platform</p></body></html>");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th scope=\"row\" style=\"text-align: left; padding-right: 1em;\">")
                .append(esc(name))
                .append("</th><td>")
                .append(esc(value))
                .append("</td></tr>");
    }

    /** The SMS: short, the facts first; the reply codes are added when it is sent ({@link #replyCodes}). */
    public String sms(Page p) {
        return "[" + p.severity() + "] " + p.partner() + " #" + p.incidentId() + ": " + p.summary() + ". Raised "
                + when(p.raisedAt()) + ". " + link(p.incidentId());
    }

    /** The reply codes an SMS page ends with, GoAlert-style ("1a"), given when it is sent. */
    public static String replyCodes(int n) {
        return " Reply " + n + "a to acknowledge, " + n + "e to escalate, " + n + "r to resolve.";
    }

    /** What a call says before "press 1 to acknowledge". */
    public String speech(Page p) {
        return "This is the Shared I C T Support platform. " + p.partner() + " incident " + p.incidentId()
                + ", severity " + p.severity().toLowerCase(Locale.ROOT) + ": " + p.summary() + ". Raised "
                + when(p.raisedAt()) + ".";
    }

    /** A Teams Workflows message: one Adaptive Card (schema 1.4) with the facts and the action links. */
    public String teams(Page p, List<PageActions.PageAction> actions) {
        List<Object> body = new ArrayList<>();
        body.add(Map.of("type", "TextBlock", "text", subject(p), "weight", "bolder", "size", "medium", "wrap", true));
        body.add(Map.of(
                "type",
                "FactSet",
                "facts",
                List.of(
                        fact("Partner", p.partner()),
                        fact("Severity", p.severity() + " (" + p.urgency().toLowerCase(Locale.ROOT) + " urgency)"),
                        fact("Raised", raised(p)),
                        fact("Paged", String.join(", ", p.paged()) + ", " + stepText(p)))));
        if (p.details() != null) {
            body.add(Map.of("type", "TextBlock", "text", p.details(), "wrap", true));
        }
        List<Object> buttons = new ArrayList<>();
        buttons.add(Map.of(
                "type", "Action.OpenUrl", "title", "Open incident #" + p.incidentId(), "url", link(p.incidentId())));
        for (PageActions.PageAction a : actions) {
            buttons.add(Map.of(
                    "type", "Action.OpenUrl", "title", a.label(), "url", a.url().toString()));
        }
        return card(body, buttons);
    }

    /** A Slack incoming-webhook message: Block Kit, with {@code text} as the notification's fallback. */
    public String slack(Page p, List<PageActions.PageAction> actions) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain(cut(subject(p), 150))));
        blocks.add(Map.of(
                "type",
                "section",
                "fields",
                List.of(
                        mrkdwn("*Partner*\n" + p.partner()),
                        mrkdwn("*Severity*\n" + p.severity() + " ("
                                + p.urgency().toLowerCase(Locale.ROOT) + " urgency)"),
                        mrkdwn("*Raised*\n" + raised(p)),
                        mrkdwn("*Paged*\n" + String.join(", ", p.paged()) + ", " + stepText(p)))));
        if (p.details() != null) {
            blocks.add(Map.of("type", "section", "text", mrkdwn(cut(p.details(), 3000))));
        }
        List<Object> buttons = new ArrayList<>();
        buttons.add(button("open", "Open incident #" + p.incidentId(), link(p.incidentId())));
        for (PageActions.PageAction a : actions) {
            buttons.add(button(a.action(), a.label(), a.url().toString()));
        }
        blocks.add(Map.of("type", "actions", "elements", buttons));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", subject(p) + " " + link(p.incidentId()));
        m.put("blocks", blocks);
        return json.write(m);
    }

    /** A short notice (a verification code, a test, an answer to a reply) in the shape {@code channel} takes. */
    public String notice(Notification.Channel channel, String title, String text) {
        return switch (channel) {
            case TEAMS ->
                card(
                        List.of(
                                Map.of("type", "TextBlock", "text", title, "weight", "bolder", "wrap", true),
                                Map.of("type", "TextBlock", "text", text, "wrap", true)),
                        List.of());
            case SLACK ->
                json.write(Map.of(
                        "text",
                        title + ": " + text,
                        "blocks",
                        List.of(Map.of("type", "section", "text", mrkdwn("*" + title + "*\n" + text)))));
            case EMAIL -> text + "\n\n-- rota-service, Shared ICT Support platform\n";
            default -> text;
        };
    }

    private String card(List<Object> body, List<Object> actions) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        if (!actions.isEmpty()) {
            card.put("actions", actions);
        }
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "message");
        envelope.put("attachments", List.of(attachment));
        return json.write(envelope);
    }

    private static Map<String, Object> fact(String title, String value) {
        return Map.of("title", title, "value", value);
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    private static Map<String, Object> button(String id, String label, String url) {
        return Map.of("type", "button", "action_id", id, "text", plain(cut(label, 75)), "url", url);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
