package org.sharedict.rota.contacts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sharedict.platform.problem.ProblemException;

/**
 * Checks and normalises a contact method's address: phone numbers to E.164 (+447700900123), so
 * that a reply from Notify (447700900123) finds its sender; webhooks must be https, except on the
 * hosts the settings allow plain http (the local stand-in, tests).
 */
final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UK_MOBILE = Pattern.compile("^\\+447\\d{9}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");

    private Addresses() {}

    static String normalise(MethodKind kind, String raw, List<String> plainHttpHosts) {
        String a = raw == null ? "" : raw.trim();
        if (a.isEmpty()) {
            throw ProblemException.invalid("address", "is required");
        }
        return switch (kind) {
            case EMAIL -> {
                if (a.length() > 254 || !EMAIL.matcher(a).matches()) {
                    throw ProblemException.invalid(
                            "address", "must be an e-mail address such as jo.bloggs@lincs.gov.uk");
                }
                yield a;
            }
            case SMS -> {
                String n = e164(a);
                if (n == null || !UK_MOBILE.matcher(n).matches()) {
                    throw ProblemException.invalid(
                            "address", "must be a UK mobile number such as 07700 900123 or +44 7700 900123");
                }
                yield n;
            }
            case VOICE -> {
                String n = e164(a);
                if (n == null || !E164.matcher(n).matches()) {
                    throw ProblemException.invalid(
                            "address", "must be a phone number such as 01522 552222 or +44 1522 552222");
                }
                yield n;
            }
            case TEAMS, SLACK -> webhook(kind, a, plainHttpHosts);
        };
    }

    /** A UK number written the usual ways (07700 900123, +44 (0)7700 900123, 0044...) as E.164; null when it is none. */
    static String e164(String a) {
        String d = a.replaceAll("[\\s().-]", "");
        d = d.replace("+44(0)", "+44").replace("+440", "+44");
        if (d.startsWith("00")) {
            d = "+" + d.substring(2);
        } else if (d.startsWith("0")) {
            d = "+44" + d.substring(1);
        }
        if (d.startsWith("+440")) {
            d = "+44" + d.substring(4);
        }
        return d.matches("\\+\\d{8,15}") ? d : null;
    }

    private static String webhook(MethodKind kind, String a, List<String> plainHttpHosts) {
        String what = kind == MethodKind.TEAMS ? "a Teams Workflows webhook URL" : "a Slack incoming-webhook URL";
        URI u;
        try {
            u = URI.create(a);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("address", "must be " + what);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || a.length() > 1000) {
            throw ProblemException.invalid("address", "must be " + what);
        }
        boolean plainAllowed = plainHttpHosts.contains(u.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && plainAllowed)) {
            throw ProblemException.invalid("address", "must be " + what + " starting https://");
        }
        return a;
    }
}
