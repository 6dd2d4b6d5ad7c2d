package org.sharedict.skills.aid.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.sharedict.platform.remote.Lookup;
import org.sharedict.skills.aid.ledger.LedgerDtos.CoverLine;
import org.sharedict.skills.aid.ledger.LedgerDtos.Line;
import org.sharedict.skills.aid.ledger.LedgerDtos.Statement;

/** A statement on A4, standard fonts only (as dr-planner's exports), for a finance officer to file. */
final class StatementPdf {

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;

    private final PDDocument doc = new PDDocument();
    private PDPageContentStream page;
    private float y;

    private StatementPdf() {}

    static byte[] of(Statement s) {
        StatementPdf r = new StatementPdf();
        try {
            r.write(s);
            r.page.close();
            r.doc.getDocumentInformation().setTitle("Mutual aid statement " + s.partner() + " / " + s.counterparty());
            r.doc.getDocumentInformation().setCreator("Shared ICT Support platform - skills-service");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.doc.save(out);
            r.doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    private void write(Statement s) throws IOException {
        newPage();
        text("Mutual aid statement: " + s.partner() + " and " + s.counterparty(), BOLD, 15);
        text("Period " + s.from() + " to " + s.to(), REGULAR, 10);
        y -= 8;
        text(
                "Help given by " + s.partner() + ": " + s.given().hours() + " h ("
                        + s.given().outOfHoursHours() + " h out of hours), "
                        + Money.pounds(s.given().chargePence()),
                REGULAR,
                10);
        text(
                "Help received from " + s.counterparty() + ": " + s.received().hours() + " h ("
                        + s.received().outOfHoursHours() + " h out of hours), "
                        + Money.pounds(s.received().chargePence()),
                REGULAR,
                10);
        boolean known = s.cover().status() == Lookup.Status.KNOWN;
        if (known) {
            text(
                    "Out-of-hours rota cover given: " + s.partner() + " "
                            + s.cover().givenHours() + " h ("
                            + Money.pounds(s.cover().givenChargePence()) + "), " + s.counterparty() + " "
                            + s.cover().receivedHours() + " h ("
                            + Money.pounds(s.cover().receivedChargePence()) + ")",
                    REGULAR,
                    10);
        } else {
            text("Out-of-hours rota cover: unknown (" + s.cover().reason() + "); not in the net below", BOLD, 10);
        }
        String net = s.payer() == null
                ? "Even: nothing to pay."
                : s.payer() + " pays " + s.payee() + " " + Money.pounds(Math.abs(s.netPence()));
        text(
                s.netting() ? "Netted: " + net : "Not netted: each direction is invoiced in full. Balance: " + net,
                BOLD,
                11);
        for (CoverLine c : s.cover().lines()) {
            text(
                    "  " + c.rota() + ": " + c.giver() + " covered " + c.receiver() + " " + c.hours() + " h, "
                            + Money.pounds(c.chargePence()),
                    REGULAR,
                    8);
        }
        y -= 10;
        text("Date        Helper     Asker      Hours   OOH  Status       Amount   Request", BOLD, 8);
        for (Line l : s.lines()) {
            text(
                    String.format(
                            "%-11s %-10s %-10s %6s   %-3s  %-11s %9s   #%d %s",
                            l.workedOn(),
                            l.helper(),
                            l.requester(),
                            l.hours().toPlainString(),
                            l.outOfHours() ? "yes" : "no",
                            l.confirmed() ? "confirmed" : "unconfirmed",
                            Money.pounds(l.chargePence()),
                            l.requestId(),
                            l.title()),
                    REGULAR,
                    8);
        }
        if (s.lines().isEmpty()) {
            text("No time was logged between these partners in the period.", REGULAR, 9);
        }
    }

    private void text(String s, PDFont font, float size) throws IOException {
        if (y < MARGIN + size) {
            page.close();
            newPage();
        }
        String t = printable(s, font);
        if (t.length() > 120) {
            t = t.substring(0, 119) + "...";
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(t);
        page.endText();
        y -= size + 5;
    }

    private void newPage() throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** The standard fonts cover Western European text; anything else becomes "?" rather than failing. */
    private static String printable(String s, PDFont font) {
        StringBuilder sb = new StringBuilder(s.length());
        s.replace("\r", "").replace("\n", " ").replace("\t", " ").codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
