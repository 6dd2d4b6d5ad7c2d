package org.sharedict.skills.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.sharedict.skills.transfer.PeopleCsv.CertCell;
import org.sharedict.skills.transfer.PeopleCsv.Line;
import org.sharedict.skills.transfer.PeopleCsv.SkillCell;
import org.sharedict.skills.transfer.PeopleCsv.Verification;

/**
 * Random people as the API stores them (text trimmed, blank optional text absent), made of the
 * pieces that break CSV files: quotes, commas, the packed columns' {@code ; | : \}, line breaks,
 * spaces at the ends, spreadsheet formulas, phone numbers with {@code +}, negative numbers,
 * accents, other scripts and emoji. Every value passes the API's validation.
 */
public final class RandomPeople {

    private static final String[] PIECES = {
        "a",
        "Zoë",
        "Brontë",
        "Łukasz",
        "Ćwikła",
        "日本語",
        "😀",
        "O'Brien",
        "\"quoted\"",
        ",",
        ";",
        "|",
        ":",
        "\\",
        "\\;",
        "\\|",
        "\n",
        "\r\n",
        " ",
        "  ",
        "\t",
        "\u00A0",
        "\u2003",
        "=",
        "+",
        "-",
        "@",
        "'",
        "''=",
        "1",
        "-5",
        "=1+1",
        "@SUM(A1)",
        "+44 1632 960123",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "ICT",
        "Town Hall, Lincoln",
        "CCNA|Cisco",
        "skill:4:verified",
        "; ",
        "#",
        "%",
        "_"
    };
    private static final String PHONE_CHARS = "0123456789 ()-";

    private final Random random;
    private final LocalDate today;

    public RandomPeople(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /**
     * One person of {@code partner}; skills and certifications name skills from {@code skills}
     * (codes), or, when it is empty, any text (the CSV carries any term).
     */
    public Line person(String partner, String emailSuffix, List<String> skills, boolean selfAssessedToo) {
        List<SkillCell> held = new ArrayList<>();
        List<String> pool = new ArrayList<>(skills);
        Collections.shuffle(pool, random);
        for (int n = random.nextInt(4); n > 0 && (skills.isEmpty() || !pool.isEmpty()); n--) {
            String term = skills.isEmpty() ? text(60, true) : pool.remove(0);
            Verification v = random.nextBoolean()
                    ? Verification.VERIFIED
                    : selfAssessedToo && random.nextBoolean() ? Verification.SELF_ASSESSED : Verification.KEEP;
            held.add(new SkillCell(term, 1 + random.nextInt(5), v));
        }
        List<CertCell> certs = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            String name = !certs.isEmpty() && random.nextInt(5) == 0
                    ? certs.get(0).name()
                    : text(200, true); // renewed: same name twice
            LocalDate obtained = random.nextBoolean() ? null : pastDate();
            LocalDate expires = random.nextBoolean()
                    ? null
                    : obtained == null ? anyDate() : obtained.plusDays(random.nextInt(3000));
            String skill = random.nextBoolean()
                    ? null
                    : skills.isEmpty() ? text(60, true) : skills.get(random.nextInt(skills.size()));
            certs.add(new CertCell(name, text(200, false), text(100, false), expires, skill, obtained));
        }
        return new Line(
                partner,
                text(200, true),
                email(emailSuffix),
                text(200, false),
                text(200, false),
                phone(),
                phone(),
                text(200, false),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextInt(161),
                random.nextBoolean(),
                random.nextBoolean() ? null : anyDate(),
                text(200, false),
                pastDate(),
                held,
                certs);
    }

    /** Text as the API keeps it: {@code isBlank() ? null : trim()}; never null when required. */
    public String text(int max, boolean required) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String stored = b.toString().isBlank() ? null : b.toString().trim();
            if (stored == null ? !required : stored.length() <= max) {
                return stored;
            }
        }
    }

    private String phone() {
        if (random.nextInt(4) == 0) {
            return null;
        }
        while (true) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? "+" : random.nextInt(4) == 0 ? "-" : "");
            for (int n = 6 + random.nextInt(14); n > 0; n--) {
                b.append(PHONE_CHARS.charAt(random.nextInt(PHONE_CHARS.length())));
            }
            String p = b.toString().trim();
            if (p.matches("^\\+?[0-9 ()-]{6,40}$")) {
                return p;
            }
        }
    }

    private String email(String suffix) {
        String specials = "+-='_";
        StringBuilder b = new StringBuilder();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            b.append(
                    random.nextInt(4) == 0
                            ? specials.charAt(random.nextInt(specials.length()))
                            : (char) ('a' + random.nextInt(26)));
        }
        return b + suffix + "@example.gov.uk";
    }

    private LocalDate anyDate() {
        return LocalDate.of(1995, 1, 1).plusDays(random.nextInt(38_000));
    }

    private LocalDate pastDate() {
        return today.minusDays(random.nextInt(4000));
    }
}
