package org.sharedict.rota.people;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shift notes are worked out without a database and name people as "person 123"; whoever reads
 * them (the API, a reminder, a feed) sees their names instead, from the local snapshot.
 */
public final class Names {

    private static final Pattern PERSON = Pattern.compile("\\bperson (\\d{1,18})\\b");

    private Names() {}

    /** The IDs a note mentions. */
    public static Set<Long> mentioned(String note) {
        Set<Long> ids = new LinkedHashSet<>();
        if (note != null) {
            Matcher m = PERSON.matcher(note);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    /** The note with each person it mentions named, where the snapshot knows them. */
    public static String named(String note, Map<Long, Contact> known) {
        if (note == null) {
            return null;
        }
        return PERSON.matcher(note).replaceAll(m -> {
            Contact p = known.get(Long.parseLong(m.group(1)));
            return Matcher.quoteReplacement(p == null ? m.group() : p.name());
        });
    }
}
