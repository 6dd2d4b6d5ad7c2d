package org.sharedict.dr.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF copy of a plan (PDFBox), laid out like the HTML one: facts, recovery order, what misses
 * its RTO, every activity with tick boxes for its steps, people. Standard fonts only, so the file
 * opens anywhere without embedded resources.
 */
final class PdfRenderer {

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private PDPageContentStream page;
    private float y;

    private PdfRenderer() {}

    static byte[] render(ExportModel m) {
        PdfRenderer r = new PdfRenderer();
        try {
            r.write(m);
            r.page.close();
            PDDocumentInformation info = r.doc.getDocumentInformation();
            info.setTitle(m.title());
            info.setSubject("Disaster recovery plan of " + m.partner());
            info.setCreator("Shared ICT Support platform - dr-planner");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.doc.save(out);
            r.doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    private void write(ExportModel m) throws IOException {
        newPage();
        text("Disaster recovery plan: " + m.planName(), BOLD, 16, 0);
        if (m.superseded()) {
            text("SUPERSEDED - a newer revision of this plan has been approved.", BOLD, 10, 0);
        }
        y -= 4;
        float[] facts = {100, WIDTH - 100};
        row(facts, BOLD, 9, "Partner", m.partner());
        row(facts, BOLD, 9, "Revision", m.revision() + " (" + m.status() + ")");
        row(facts, BOLD, 9, "Template", m.template());
        row(facts, BOLD, 9, "Approved by", m.approvedBy() + " on " + m.approvedAt());
        if (m.approvalNote() != null) {
            row(facts, BOLD, 9, "Approval note", m.approvalNote());
        }
        row(facts, BOLD, 9, "Review due", m.reviewDate());
        row(facts, BOLD, 9, "Plan owner", m.owner());
        row(facts, BOLD, 9, "Printed", m.generatedAt());

        // Activation and the call tree first: they are what is read in the dark.
        heading("Activation");
        if (m.criteria().isEmpty()) {
            text("The plan states no activation criteria.", REGULAR, 9, 0);
        } else {
            text("Invoke this plan when:", REGULAR, 9, 0);
            for (String c : m.criteria()) {
                text("- " + c, REGULAR, 9, 8);
            }
        }
        text("Who may invoke it:", REGULAR, 9, 0);
        for (String w : m.mayInvoke()) {
            text("- " + w, REGULAR, 9, 8);
        }
        heading("Call tree");
        for (var o : m.owners()) {
            text(o.role() + ": " + o.name() + join(o.phone(), o.email()), REGULAR, 9, 0);
        }
        for (var c : m.contacts()) {
            text("Contact: " + c.name() + join(c.organisation(), c.role(), c.phone(), c.email()), REGULAR, 9, 0);
        }

        // Who else has a copy: whoever reads this one in the dark knows whom to ask for a newer one.
        heading("Copy holders");
        if (m.copyHolders().isEmpty()) {
            text("The plan names no copy holders.", REGULAR, 9, 0);
        }
        for (ExportModel.CopyHolder c : m.copyHolders()) {
            text(c.name() + ": " + c.holds() + (c.keptAt().isEmpty() ? "" : " - kept " + c.keptAt()), REGULAR, 9, 0);
        }

        heading("Recovery order");
        float[] cols = {20, 135, 70, 25, 40, 75, WIDTH - 365};
        row(cols, BOLD, 8, "#", "Activity", "Category", "Tier", "RTO", "Earliest", "Needs");
        for (ExportModel.Line l : m.order()) {
            row(
                    cols,
                    REGULAR,
                    8,
                    Integer.toString(l.position()),
                    l.name(),
                    l.category(),
                    Integer.toString(l.tier()),
                    l.rto(),
                    l.earliest() + (l.meetsRto() ? "" : " (misses RTO)"),
                    l.dependsOn());
        }
        if (!m.misses().isEmpty()) {
            heading("Recovery time objectives that cannot be met");
            for (ExportModel.Miss miss : m.misses()) {
                text(
                        miss.name() + ": earliest " + miss.earliest() + " against an RTO of " + miss.rto() + " ("
                                + miss.shortfall() + " late) because of " + miss.chain(),
                        REGULAR,
                        9,
                        0);
            }
        }

        if (!m.impact().isEmpty()) {
            heading("Business impact, targets and backups");
            float[] bia = {110, 110, 60, 120, WIDTH - 400};
            row(bia, BOLD, 8, "Activity", "Target", "Proposed MTPD", "Backups", "Findings");
            for (ExportModel.Impact i : m.impact()) {
                row(bia, REGULAR, 8, i.name(), i.target(), i.mtpd(), i.backups(), i.findings());
            }
        }

        heading("Activities and recovery steps");
        for (ExportModel.Activity a : m.activities()) {
            y -= 6;
            text(a.position() + ". " + a.name(), BOLD, 10, 0);
            text(
                    a.category() + " - tier " + a.tier() + " - RTO " + a.rto() + " - RPO " + a.rpo()
                            + (a.mtpd() == null ? "" : " - MTPD " + a.mtpd()) + " - needs: " + a.dependsOn(),
                    REGULAR,
                    8,
                    0);
            if (a.description() != null && !a.description().isBlank()) {
                text(a.description(), REGULAR, 9, 0);
            }
            for (ExportModel.Step s : a.steps()) {
                text(
                        "[  ] " + s.number() + ". " + s.title() + "  (" + s.duration() + ", skill " + s.skill() + ", "
                                + s.owner() + ")",
                        BOLD,
                        9,
                        12);
                if (!s.instructions().isBlank()) {
                    text(s.instructions(), REGULAR, 9, 28);
                }
            }
        }
        if (!m.excluded().isEmpty()) {
            heading("Not applicable here");
            for (ExportModel.Excluded x : m.excluded()) {
                text(x.what() + ": " + x.reason(), REGULAR, 9, 0);
            }
        }
        if (!m.sites().isEmpty() || !m.suppliers().isEmpty()) {
            heading("Sites and suppliers");
            for (var s : m.sites()) {
                text("Site: " + s.name() + join(s.kind(), s.address()), REGULAR, 9, 0);
            }
            for (var s : m.suppliers()) {
                text("Supplier: " + s.name() + join(s.service(), s.contractRef(), s.phone(), s.email()), REGULAR, 9, 0);
            }
        }
        y -= 10;
        text(
                "Plan " + m.planName() + ", revision " + m.revision() + ", approved by " + m.approvedBy() + " on "
                        + m.approvedAt() + ". Printed " + m.generatedAt() + ".",
                REGULAR,
                8,
                0);
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void heading(String s) throws IOException {
        y -= 10;
        if (y < MARGIN + 60) {
            newPage();
        }
        text(s, BOLD, 12, 0);
        y -= 2;
    }

    /** A paragraph, wrapped to the page width. */
    private void text(String s, PDFont font, float size, float indent) throws IOException {
        for (String line : wrap(s, font, size, WIDTH - indent)) {
            if (y - size * 1.3f < MARGIN) {
                newPage();
            }
            y -= size * 1.3f;
            show(line, font, size, MARGIN + indent, y);
        }
    }

    /** One table row: each cell wrapped to its column, the row as tall as its tallest cell. */
    private void row(float[] widths, PDFont firstFont, float size, String... cells) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> w = wrap(cells[i] == null ? "" : cells[i], i == 0 ? firstFont : REGULAR, size, widths[i] - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * size * 1.3f + 3;
        if (y - height < MARGIN) {
            newPage();
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float ly = y;
            for (String line : wrapped.get(i)) {
                ly -= size * 1.3f;
                show(line, i == 0 ? firstFont : REGULAR, size, x, ly);
            }
            x += widths[i];
        }
        y -= height;
        page.setLineWidth(0.3f);
        page.moveTo(MARGIN, y + 1);
        page.lineTo(MARGIN + WIDTH, y + 1);
        page.stroke();
    }

    private void show(String line, PDFont font, float size, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(line);
        page.endText();
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : printable(text, font).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || line.length() == 0) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The standard fonts cover Western European text; anything else is replaced rather than failing the export. */
    private static String printable(String s, PDFont font) {
        StringBuilder sb = new StringBuilder(s.length());
        s.replace("\r", "").replace("\t", " ").codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n') {
                sb.append('\n');
                return;
            }
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append(cp == 0x2192 ? "->" : "?");
            }
        });
        return sb.toString();
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(", ").append(p);
            }
        }
        return sb.toString();
    }
}
