package org.sharedict.rota.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.rotas.RotaDtos.ShiftView;

/**
 * Writes an RFC 5545 calendar of shifts: CRLF line ends, lines folded at 75 octets, text escaped,
 * times in UTC (so no VTIMEZONE is needed and clients show local time correctly either side of a
 * daylight-saving change). Each shift's UID is stable, so a client updates a moved shift in place.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {}

    public static String of(String calendarName, List<ShiftView> shifts, Instant stamp) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Shared ICT Support//rota-service//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "X-WR-CALNAME:" + text(calendarName));
        line(b, "X-WR-TIMEZONE:" + Partnership.zone().getId());
        line(b, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        for (ShiftView s : shifts) {
            String layer = s.layer().name().toLowerCase(Locale.ROOT);
            line(b, "BEGIN:VEVENT");
            line(
                    b,
                    "UID:rota-" + s.rotaId() + "-" + layer + "-" + UTC.format(s.start()) + "-" + s.personId()
                            + "@sharedict");
            line(b, "DTSTAMP:" + UTC.format(stamp));
            line(b, "DTSTART:" + UTC.format(s.start()));
            line(b, "DTEND:" + UTC.format(s.end()));
            line(b, "SUMMARY:" + text("On call (" + layer + "): " + s.rotaName()));
            StringBuilder d = new StringBuilder();
            d.append(
                    switch (s.reason()) {
                        case SCHEDULED -> "Scheduled by the rotation.";
                        case OVERRIDE ->
                            "Override: you cover this shift (the rotation names "
                                    + name(s.scheduledName(), s.scheduledPersonId()) + ").";
                        case LEAVE_COVER -> "Leave cover.";
                        case SWAP ->
                            "Swapped shift: you take " + name(s.scheduledName(), s.scheduledPersonId()) + "'s period.";
                    });
            if (s.note() != null) {
                d.append("\n").append(s.note());
            }
            d.append(String.format(Locale.ROOT, "\n%.2f hours.", s.hours()));
            line(b, "DESCRIPTION:" + text(d.toString()));
            line(b, "CATEGORIES:ON-CALL");
            line(b, "STATUS:CONFIRMED");
            line(b, "TRANSP:OPAQUE");
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    private static String name(String name, long id) {
        return name == null ? "person " + id : name;
    }

    static String text(String s) {
        return s.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded so that no line exceeds 75 octets (RFC 5545 3.1), never splitting a character. */
    static void line(StringBuilder b, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > 75) {
                b.append("\r\n ");
                octets = 1;
            }
            b.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        b.append("\r\n");
    }
}
