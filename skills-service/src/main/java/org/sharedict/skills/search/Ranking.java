package org.sharedict.skills.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.skills.profile.Level;

/**
 * How well a person matches an expert search, out of 100, and why. Pure: no database, no
 * clock, so it is tested over many random inputs. With {@code n} requested skills, each
 * requested skill carries an equal share of the first five parts:
 *
 * <pre>
 *   40  coverage      holds the skill at minLevel or above
 *   25  level         level / 5
 *   10  verified      a manager verified the level
 *    5  certification a certification for the skill is in date
 *   10  recent        the entry was confirmed within the stale period
 *   10  available     offers help to other partners and is not away today
 * </pre>
 *
 * A search without skills (free text only) scores just the profile's recency (10) and
 * availability (10). Scores are rounded to one decimal; ties are broken by name, then ID, so the
 * order is stable.
 */
public final class Ranking {

    public static final double COVERAGE = 40;
    public static final double LEVEL = 25;
    public static final double VERIFIED = 10;
    public static final double CERTIFICATION = 5;
    public static final double RECENT = 10;
    public static final double AVAILABLE = 10;

    private Ranking() {}

    /** A requested skill. */
    public record Wanted(long skillId, String code, String name) {}

    /**
     * One skill as the candidate holds it. {@code certification}: true = a certification for it
     * is in date, false = only expired ones, null = none recorded.
     */
    public record Held(long skillId, int level, boolean verified, Boolean certification, LocalDate lastConfirmed) {}

    public record Candidate(
            long personId,
            String name,
            boolean helpOtherPartners,
            int helpHoursPerMonth,
            LocalDate unavailableUntil,
            String unavailableReason,
            LocalDate lastConfirmed,
            Map<Long, Held> held) {}

    public record Match(
            String skill,
            String name,
            int level,

            @Schema(enumeration = {"awareness", "working knowledge", "practitioner", "expert", "authority"})
            String levelName,

            boolean verified,
            boolean certificationValid,
            @Schema(nullable = true) LocalDate lastConfirmed,
            boolean stale) {}

    public record Ranked(
            long personId,
            String name,
            double score,
            List<Match> matched,
            List<String> missing,
            List<String> reasons,
            boolean stale,
            boolean available) {}

    /**
     * Best first: more of the requested skills held (so with {@code match=any}, someone holding
     * both skills always comes before someone holding one, however good), then higher score,
     * then name (ignoring case), then person ID.
     */
    public static final Comparator<Ranked> ORDER = Comparator.comparingInt(
                    (Ranked r) -> -r.matched().size())
            .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
            .thenComparing(r -> r.name().toLowerCase(Locale.ROOT))
            .thenComparingLong(Ranked::personId);

    /**
     * @param wanted      the requested skills, in the order asked
     * @param today       the local date the search runs on
     * @param staleBefore entries last confirmed before this date are stale
     * @param staleMonths the stale period, for the wording of the reasons
     */
    public static Ranked rank(
            Candidate c, List<Wanted> wanted, LocalDate today, LocalDate staleBefore, int staleMonths) {
        boolean available = isAvailable(c, today);
        List<String> reasons = new ArrayList<>();
        List<Match> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double score = 0;
        boolean anyStale = false;

        if (wanted.isEmpty()) {
            boolean stale = isStale(c.lastConfirmed(), staleBefore);
            anyStale = stale;
            score += stale ? 0 : RECENT;
            reasons.add(recencyReason(stale, c.lastConfirmed(), staleMonths, "profile"));
        } else {
            double share = 1.0 / wanted.size();
            int verified = 0;
            int certified = 0;
            int expired = 0;
            int staleCount = 0;
            for (Wanted w : wanted) {
                Held h = c.held().get(w.skillId());
                if (h == null) {
                    missing.add(w.code());
                    continue;
                }
                LocalDate confirmed = h.lastConfirmed() != null ? h.lastConfirmed() : c.lastConfirmed();
                boolean stale = isStale(confirmed, staleBefore);
                boolean certValid = Boolean.TRUE.equals(h.certification());
                matched.add(new Match(
                        w.code(),
                        w.name(),
                        h.level(),
                        Level.labelOf(h.level()),
                        h.verified(),
                        certValid,
                        confirmed,
                        stale));
                score += share
                        * (COVERAGE
                                + LEVEL * h.level() / 5.0
                                + (h.verified() ? VERIFIED : 0)
                                + (certValid ? CERTIFICATION : 0)
                                + (stale ? 0 : RECENT));
                verified += h.verified() ? 1 : 0;
                certified += certValid ? 1 : 0;
                expired += Boolean.FALSE.equals(h.certification()) ? 1 : 0;
                staleCount += stale ? 1 : 0;
            }
            anyStale = staleCount > 0;
            if (missing.isEmpty()) {
                reasons.add(
                        wanted.size() == 1
                                ? "holds the requested skill"
                                : "holds all " + wanted.size() + " requested skills");
            } else {
                reasons.add("holds " + matched.size() + " of " + wanted.size() + " requested skills; missing "
                        + String.join(", ", missing));
            }
            for (Match m : matched) {
                reasons.add(m.name() + ": level " + m.level() + " (" + m.levelName() + "), "
                        + (m.verified() ? "verified by a manager" : "self-assessed"));
            }
            if (certified > 0) {
                reasons.add(
                        certified == matched.size() && matched.size() > 1
                                ? "in-date certifications for every matched skill"
                                : "in-date certification for " + codes(matched, true));
            }
            if (expired > 0) {
                reasons.add("certification expired for " + expiredCodes(c, wanted));
            }
            if (staleCount == 0) {
                reasons.add("skills confirmed within the last " + staleMonths + " months");
            } else {
                for (Match m : matched) {
                    if (m.stale()) {
                        reasons.add(recencyReason(true, m.lastConfirmed(), staleMonths, m.skill()));
                    }
                }
            }
            if (verified == 0 && !matched.isEmpty()) {
                // Said once, plainly, because it is the commonest reason for a lower score.
                reasons.add("no level verified by a manager yet");
            }
        }

        if (available) {
            score += AVAILABLE;
            reasons.add("offers " + (c.helpHoursPerMonth() > 0 ? c.helpHoursPerMonth() + " hours a month" : "help")
                    + " to other partners");
        } else if (!c.helpOtherPartners()) {
            reasons.add("does not offer help to other partners");
        } else {
            reasons.add("unavailable until " + c.unavailableUntil()
                    + (c.unavailableReason() == null ? "" : " (" + c.unavailableReason() + ")"));
        }
        return new Ranked(
                c.personId(),
                c.name(),
                round(score),
                List.copyOf(matched),
                List.copyOf(missing),
                List.copyOf(reasons),
                anyStale,
                available);
    }

    public static boolean isAvailable(Candidate c, LocalDate today) {
        return c.helpOtherPartners() && (c.unavailableUntil() == null || !today.isBefore(c.unavailableUntil()));
    }

    static boolean isStale(LocalDate confirmed, LocalDate staleBefore) {
        return confirmed == null || confirmed.isBefore(staleBefore);
    }

    static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

    private static String recencyReason(boolean stale, LocalDate confirmed, int months, String what) {
        if (!stale) {
            return what + " confirmed within the last " + months + " months";
        }
        return confirmed == null
                ? what + " never confirmed (stale)"
                : what + " not confirmed since " + confirmed + " (stale)";
    }

    private static String codes(List<Match> matched, boolean certified) {
        return String.join(
                ", ",
                matched.stream()
                        .filter(m -> m.certificationValid() == certified)
                        .map(Match::skill)
                        .toList());
    }

    private static String expiredCodes(Candidate c, List<Wanted> wanted) {
        return String.join(
                ", ",
                wanted.stream()
                        .filter(w -> c.held().containsKey(w.skillId())
                                && Boolean.FALSE.equals(
                                        c.held().get(w.skillId()).certification()))
                        .map(Wanted::code)
                        .toList());
    }
}
