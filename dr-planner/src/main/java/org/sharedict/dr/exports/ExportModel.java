package org.sharedict.dr.exports;

import java.util.List;

import org.sharedict.dr.plans.PlanDtos.Contact;
import org.sharedict.dr.plans.PlanDtos.Owner;
import org.sharedict.dr.plans.PlanDtos.Site;
import org.sharedict.dr.plans.PlanDtos.Supplier;

/**
 * Everything an offline copy of a plan shows, already formatted, so the HTML, Markdown and PDF
 * renderings say exactly the same thing.
 */
public record ExportModel(
        String title,
        String partner,
        String planName,
        int revision,
        String status,
        boolean superseded,
        String template,
        String approvedBy,
        String approvedAt,
        String approvalNote,
        String reviewDate,
        String generatedAt,
        String owner,
        List<String> criteria,
        List<String> mayInvoke,
        boolean allRtosMet,
        List<Line> order,
        List<Miss> misses,
        List<Activity> activities,
        List<Excluded> excluded,
        List<Impact> impact,
        List<Owner> owners,
        List<Contact> contacts,
        List<Site> sites,
        List<Supplier> suppliers,
        List<CopyHolder> copyHolders) {

    /** Who keeps an offline copy, and of which revision (no addresses: they are personal). */
    public record CopyHolder(String name, String keptAt, String holds) {}

    public record Line(
            int position,
            String key,
            String name,
            String category,
            int tier,
            String rto,
            String earliest,
            boolean meetsRto,
            String dependsOn) {}

    public record Miss(String name, String rto, String earliest, String shortfall, String chain) {}

    public record Activity(
            int position,
            String key,
            String name,
            String category,
            int tier,
            String rto,
            String rpo,
            String mtpd,
            String description,
            String dependsOn,
            List<Step> steps) {}

    public record Step(int number, String title, String instructions, String duration, String skill, String owner) {}

    public record Excluded(String what, String reason) {}

    /** One activity's business impact line: target through dependencies, proposed MTPD, backups, findings. */
    public record Impact(String name, String target, String mtpd, String backups, String findings) {}
}
