package org.sharedict.skills.aid.ledger;

import java.util.ArrayList;
import java.util.List;

import org.sharedict.platform.csv.Csv;
import org.sharedict.platform.remote.Lookup;
import org.sharedict.skills.aid.ledger.LedgerDtos.CoverLine;
import org.sharedict.skills.aid.ledger.LedgerDtos.Line;
import org.sharedict.skills.aid.ledger.LedgerDtos.Statement;

/**
 * A statement as CSV: one row per time record and per rota's cover, then the totals, each row with its kind first so a
 * spreadsheet can filter on it. Amounts in pounds with two decimals; cover "unknown" when
 * rota-service did not answer, never 0.
 */
final class StatementCsv {

    private StatementCsv() {}

    static String of(Statement s) {
        List<List<?>> rows = new ArrayList<>();
        for (Line l : s.lines()) {
            rows.add(List.of(
                    "time",
                    l.workedOn(),
                    l.helper(),
                    l.requester(),
                    l.requestId(),
                    l.title(),
                    l.hours(),
                    l.outOfHours() ? "yes" : "no",
                    l.confirmed() ? "confirmed" : "awaiting confirmation",
                    Money.plain(l.chargePence())));
        }
        rows.add(List.of(
                "total",
                "",
                s.given().from(),
                s.given().to(),
                "",
                "help given",
                s.given().hours(),
                "",
                "",
                Money.plain(s.given().chargePence())));
        rows.add(List.of(
                "total",
                "",
                s.received().from(),
                s.received().to(),
                "",
                "help received",
                s.received().hours(),
                "",
                "",
                Money.plain(s.received().chargePence())));
        boolean known = s.cover().status() == Lookup.Status.KNOWN;
        for (CoverLine c : s.cover().lines()) {
            rows.add(List.of(
                    "rota-cover",
                    "",
                    c.giver(),
                    c.receiver(),
                    "",
                    "out-of-hours rota cover: " + c.rota(),
                    c.hours(),
                    "yes",
                    "",
                    Money.plain(c.chargePence())));
        }
        rows.add(cover(
                s.partner(),
                s.counterparty(),
                known ? s.cover().givenHours() : null,
                s.cover().givenChargePence()));
        rows.add(cover(
                s.counterparty(),
                s.partner(),
                known ? s.cover().receivedHours() : null,
                s.cover().receivedChargePence()));
        rows.add(List.of(
                "net",
                "",
                s.payer() == null ? "" : s.payer(),
                s.payee() == null ? "" : s.payee(),
                "",
                (s.netting() ? "netted: payer pays payee" : "not netted: each direction is invoiced")
                        + (known ? "" : " (help only: rota cover unknown)"),
                "",
                "",
                "",
                Money.plain(Math.abs(s.netPence()))));
        return Csv.write(
                List.of(
                        "kind",
                        "worked_on",
                        "helper",
                        "requester",
                        "request",
                        "title",
                        "hours",
                        "out_of_hours",
                        "status",
                        "amount_gbp"),
                rows);
    }

    /** The cover one partner gave the other in total: "unknown" when rota-service did not answer, never 0. */
    private static List<?> cover(String giver, String receiver, java.math.BigDecimal hours, Long pence) {
        return List.of(
                "rota-cover-total",
                "",
                giver,
                receiver,
                "",
                "out-of-hours rota cover given",
                hours == null ? "unknown" : hours.toPlainString(),
                "yes",
                "",
                pence == null ? "unknown" : Money.plain(pence));
    }
}
