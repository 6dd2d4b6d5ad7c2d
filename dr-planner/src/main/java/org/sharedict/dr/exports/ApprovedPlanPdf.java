package org.sharedict.dr.exports;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.dr.copies.CopyPdf;

/** The PDF sent to copy holders is the export's PDF, so the copy in a drawer reads as the one printed. */
@ApplicationScoped
public class ApprovedPlanPdf implements CopyPdf {

    private final ExportService exports;

    public ApprovedPlanPdf(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public File pdf(long planId) {
        ExportService.Pdf pdf = exports.pdf(planId);
        return new File(pdf.fileName(), pdf.bytes());
    }
}
