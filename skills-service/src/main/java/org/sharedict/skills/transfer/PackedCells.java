package org.sharedict.skills.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sharedict.skills.transfer.PeopleCsv.CertCell;
import org.sharedict.skills.transfer.PeopleCsv.RowError;
import org.sharedict.skills.transfer.PeopleCsv.SkillCell;
import org.sharedict.skills.transfer.PeopleCsv.Verification;

/**
 * The two packed columns of the people CSV: {@code skills} ({@code CITRIX:4:verified; MS SQL:3})
 * and {@code certifications} ({@code name|issuer|number|expires|skill|obtained}, {@code ;}-separated).
 * Inside them a backslash escapes {@code \}, {@code ;}, {@code |} and {@code :}; anywhere else it
 * is just a backslash. Reading and writing are exact inverses.
 */
final class PackedCells {

    private PackedCells() {}

    /** {@code CITRIX:4:verified; MS SQL:3} — code, name or alias, level, optional verified/self. */
    static List<SkillCell> skills(long row, String v, List<RowError> errors) {
        List<SkillCell> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : split(v, ';')) {
            if (part.isBlank()) {
                continue;
            }
            List<String> bits =
                    split(part, ':').stream().map(PackedCells::unescape).toList();
            if (bits.size() < 2 || bits.size() > 3 || bits.get(0).isBlank()) {
                errors.add(
                        new RowError(row, "skills", "each skill is skill:level or skill:level:verified", part.trim()));
                continue;
            }
            int level;
            try {
                level = Integer.parseInt(bits.get(1));
            } catch (NumberFormatException e) {
                level = 0;
            }
            if (level < 1 || level > 5) {
                errors.add(new RowError(row, "skills", "level must be 1 to 5", part.trim()));
                continue;
            }
            Verification verification = Verification.KEEP;
            if (bits.size() == 3) {
                switch (bits.get(2).toLowerCase(Locale.ROOT)) {
                    case "verified", "v" -> verification = Verification.VERIFIED;
                    case "self", "self-assessed", "s" -> verification = Verification.SELF_ASSESSED;
                    default -> {
                        errors.add(new RowError(row, "skills", "the third part must be verified or self", part.trim()));
                        continue;
                    }
                }
            }
            out.add(new SkillCell(bits.get(0), level, verification));
        }
        return out;
    }

    /** {@code CCNA|Cisco|CSCO123|2027-05-01|NETWORKS|2024-05-01; ITIL 4 Foundation|PeopleCert} — name, then optional parts. */
    static List<CertCell> certifications(long row, String v, List<RowError> errors) {
        List<CertCell> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : split(v, ';')) {
            if (part.isBlank()) {
                continue;
            }
            List<String> bits =
                    split(part, '|').stream().map(PackedCells::unescape).toList();
            if (bits.size() > 6 || bits.get(0).isBlank()) {
                errors.add(new RowError(
                        row,
                        "certifications",
                        "each certification is name|issuer|number|expires|skill|obtained",
                        part.trim()));
                continue;
            }
            LocalDate expires;
            LocalDate obtained;
            try {
                expires = optionalDate(bits, 3);
                obtained = optionalDate(bits, 5);
            } catch (DateTimeParseException e) {
                errors.add(new RowError(
                        row,
                        "certifications",
                        "expires and obtained must be dates, 2026-11-22 or 22/11/2026",
                        part.trim()));
                continue;
            }
            out.add(new CertCell(bits.get(0), part(bits, 1), part(bits, 2), expires, part(bits, 4), obtained));
        }
        return out;
    }

    private static LocalDate optionalDate(List<String> bits, int i) {
        String v = part(bits, i);
        return v == null ? null : PeopleCsv.parseDate(v);
    }

    private static String part(List<String> bits, int i) {
        return bits.size() > i && !bits.get(i).isBlank() ? bits.get(i) : null;
    }

    static String skillsCell(List<SkillCell> skills) {
        List<String> items = new ArrayList<>();
        for (SkillCell s : skills) {
            items.add(escape(s.term(), ':') + ":" + s.level()
                    + switch (s.verification()) {
                        case KEEP -> "";
                        case VERIFIED -> ":verified";
                        case SELF_ASSESSED -> ":self";
                    });
        }
        return String.join("; ", items);
    }

    static String certificationsCell(List<CertCell> certs) {
        List<String> items = new ArrayList<>();
        for (CertCell c : certs) {
            List<String> parts = new ArrayList<>(List.of(
                    escape(c.name(), '|'),
                    escape(PeopleCsv.nz(c.issuer()), '|'),
                    escape(PeopleCsv.nz(c.number()), '|'),
                    PeopleCsv.date(c.expires()),
                    escape(PeopleCsv.nz(c.skill()), '|'),
                    PeopleCsv.date(c.obtained())));
            while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
            items.add(String.join("|", parts));
        }
        return String.join("; ", items);
    }

    /** A backslash before {@code \ ; | :} stands for that character; anywhere else it is just a backslash. */
    private static String escape(String value, char separator) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ';' || c == separator) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean escapable(char c) {
        return c == '\\' || c == ';' || c == '|' || c == ':';
    }

    /** Splits at every {@code separator} not escaped; the pieces keep their escapes. */
    private static List<String> split(String value, char separator) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && escapable(value.charAt(i + 1))) {
                i++;
            } else if (c == separator) {
                out.add(value.substring(from, i));
                from = i + 1;
            }
        }
        out.add(value.substring(from));
        return out;
    }

    /** Drops the escapes and the spaces around the value. */
    private static String unescape(String piece) {
        StringBuilder out = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c == '\\' && i + 1 < piece.length() && escapable(piece.charAt(i + 1))) {
                c = piece.charAt(++i);
            }
            out.append(c);
        }
        return out.toString().trim();
    }
}
