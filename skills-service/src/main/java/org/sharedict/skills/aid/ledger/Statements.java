package org.sharedict.skills.aid.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;
import org.sharedict.platform.security.Caller;
import org.sharedict.skills.aid.agreement.AgreementService;
import org.sharedict.skills.aid.agreement.Terms;
import org.sharedict.skills.aid.ledger.LedgerDtos.Cover;
import org.sharedict.skills.aid.ledger.LedgerDtos.CoverLine;
import org.sharedict.skills.aid.ledger.LedgerDtos.Direction;
import org.sharedict.skills.aid.ledger.LedgerDtos.LedgerView;
import org.sharedict.skills.aid.ledger.LedgerDtos.Line;
import org.sharedict.skills.aid.ledger.LedgerDtos.PairTotals;
import org.sharedict.skills.aid.ledger.LedgerDtos.PartnerPosition;
import org.sharedict.skills.aid.ledger.LedgerDtos.Statement;
import org.sharedict.skills.aid.requests.GivenTime;
import org.sharedict.skills.aid.requests.Minutes;
import org.sharedict.skills.aid.requests.TimeRecords;
import org.sharedict.skills.directory.Contacts;
import org.sharedict.skills.platform.Dates;

/**
 * Statements between two partners and the partnership's positions over a period. A partner's staff
 * see the statements and positions that involve their partner; admins see all.
 */
@ApplicationScoped
public class Statements {

    private final TimeRecords time;
    private final AgreementService agreement;
    private final RotaCover cover;
    private final Contacts contacts;
    private final Caller caller;
    private final Clock clock;

    Statements(
            TimeRecords time,
            AgreementService agreement,
            RotaCover cover,
            Contacts contacts,
            Caller caller,
            Clock clock) {
        this.time = time;
        this.agreement = agreement;
        this.cover = cover;
        this.contacts = contacts;
        this.caller = caller;
        this.clock = clock;
    }

    public record Period(LocalDate from, LocalDate to) {}

    /** [from, to] as given, by default the last 90 days up to today; at most ten years. */
    public Period period(String from, String to) {
        LocalDate t = date("to", to, Dates.today(clock));
        LocalDate f = date("from", from, t.minusDays(90));
        if (t.isBefore(f)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (f.plusYears(10).isBefore(t)) {
            throw ProblemException.invalid("from", "a period is at most ten years");
        }
        return new Period(f, t);
    }

    public Statement statement(String partner, String counterparty, Period p) {
        String a = code(partner);
        String b = code(counterparty);
        if (a.equals(b)) {
            throw ProblemException.invalid("counterparty", "must be another partner");
        }
        if (!caller.isOf(a) && !caller.isOf(b)) {
            throw ProblemException.forbidden("Only staff of " + a + " or " + b + " (or admins) read their statement");
        }
        Terms terms = agreement.terms();
        List<GivenTime> given = time.given(p.from(), p.to()).stream()
                .filter(g -> between(g.helper(), g.requester(), a, b))
                .toList();
        Lookup<List<RotaCover.Given>> rota = rotaCover(p);
        List<RotaCover.Given> covered = rota.isKnown()
                ? rota.value().stream()
                        .filter(c -> between(c.giver(), c.receiver(), a, b))
                        .toList()
                : List.of();
        Ledger.Pair pair = Ledger.of(given, covered, terms).pair(a, b);
        List<Line> lines = given.stream()
                .map(g -> new Line(
                        g.requestId(),
                        g.title(),
                        g.workedOn(),
                        g.helper(),
                        g.requester(),
                        Minutes.toHours(g.minutes()),
                        g.outOfHours(),
                        g.confirmed(),
                        g.confirmed() ? terms.charge(g.helper(), g.minutes(), g.outOfHours()) : 0))
                .toList();
        Cover cover = rota.isKnown()
                ? new Cover(
                        Lookup.Status.KNOWN,
                        null,
                        pair.aToB().coverHours,
                        pair.bToA().coverHours,
                        pair.aToB().coverPence,
                        pair.bToA().coverPence,
                        pair.coverNetPence(),
                        covered.stream()
                                .map(c -> new CoverLine(
                                        c.rota(),
                                        c.giver(),
                                        c.receiver(),
                                        c.hours(),
                                        terms.coverCharge(c.giver(), c.hours())))
                                .toList())
                : new Cover(rota.status(), rota.reason(), null, null, null, null, null, List.of());
        long net = pair.netPence();
        return new Statement(
                a,
                b,
                p.from(),
                p.to(),
                terms.netting(),
                direction(a, b, pair.aToB()),
                direction(b, a, pair.bToA()),
                pair.helpNetPence(),
                net,
                net == 0 ? null : net > 0 ? b : a,
                net == 0 ? null : net > 0 ? a : b,
                lines,
                cover);
    }

    public LedgerView ledger(Period p) {
        Lookup<List<RotaCover.Given>> rota = rotaCover(p);
        Ledger ledger =
                Ledger.of(time.given(p.from(), p.to()), rota.isKnown() ? rota.value() : List.of(), agreement.terms());
        List<PartnerPosition> partners = ledger.positions().stream()
                .filter(x -> caller.isOf(x.partner()))
                .map(x -> new PartnerPosition(
                        x.partner(),
                        Minutes.toHours(x.givenMinutes()),
                        Minutes.toHours(x.receivedMinutes()),
                        x.owedToItPence(),
                        x.owesPence(),
                        x.netPence()))
                .toList();
        List<PairTotals> pairs = ledger.pairs().stream()
                .filter(x -> caller.isOf(x.a()) || caller.isOf(x.b()))
                .map(x -> new PairTotals(
                        x.a(),
                        x.b(),
                        Minutes.toHours(x.aToB().minutes),
                        Minutes.toHours(x.bToA().minutes),
                        x.aToB().coverHours,
                        x.bToA().coverHours,
                        x.netPence()))
                .toList();
        long sum = partners.stream().mapToLong(PartnerPosition::netPence).sum();
        return new LedgerView(p.from(), p.to(), partners, pairs, rota.status(), rota.reason(), sum);
    }

    private static boolean between(String from, String to, String a, String b) {
        return (from.equals(a) && to.equals(b)) || (from.equals(b) && to.equals(a));
    }

    /** The period is the partnership's calendar: its first day from midnight in London to the day after its last. */
    private Lookup<List<RotaCover.Given>> rotaCover(Period p) {
        return cover.between(
                p.from().atStartOfDay(Partnership.zone()).toInstant(),
                p.to().plusDays(1).atStartOfDay(Partnership.zone()).toInstant());
    }

    private static Direction direction(String from, String to, Ledger.Flow f) {
        return new Direction(
                from,
                to,
                Minutes.toHours(f.minutes),
                Minutes.toHours(f.outOfHoursMinutes),
                Minutes.toHours(f.unconfirmedMinutes),
                f.pence);
    }

    /** A partner the path names: a 404 when there is none. */
    private String code(String value) {
        String c = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty() || !contacts.partnerExists(c)) {
            throw ProblemException.notFound("Partner", value);
        }
        return c;
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                throw ProblemException.invalid(field, "must be a date between 2000 and 2100");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-04-01");
        }
    }
}
