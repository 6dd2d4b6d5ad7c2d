package org.sharedict.skills.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.skills.directory.BulkPeople;
import org.sharedict.skills.directory.PersonDtos.PersonView;
import org.sharedict.skills.profile.BulkProfiles;
import org.sharedict.skills.profile.BulkProfiles.HeldCertification;
import org.sharedict.skills.profile.BulkProfiles.HeldSkill;
import org.sharedict.skills.transfer.PeopleCsv.CertCell;
import org.sharedict.skills.transfer.PeopleCsv.Line;
import org.sharedict.skills.transfer.PeopleCsv.SkillCell;
import org.sharedict.skills.transfer.PeopleCsv.Verification;

/** People as CSV, in exactly the format the import reads, so an export edited in a spreadsheet imports back. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PeopleExport {

    private final BulkPeople people;
    private final BulkProfiles profiles;

    PeopleExport(BulkPeople people, BulkProfiles profiles) {
        this.people = people;
        this.profiles = profiles;
    }

    public String export(String partner) {
        List<PersonView> list = new ArrayList<>(people.everyone(partner));
        // Everyone's holdings in one pass; one partner's by their IDs.
        List<Long> ids = partner == null || partner.isBlank()
                ? null
                : list.stream().map(PersonView::id).toList();
        Map<Long, List<HeldSkill>> skills = profiles.skills(ids);
        Map<Long, List<HeldCertification>> certs = profiles.certifications(ids);
        List<Line> lines = new ArrayList<>();
        list.sort(Comparator.comparing(PersonView::partner)
                .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)));
        for (PersonView p : list) {
            lines.add(new Line(
                    p.partner(),
                    p.name(),
                    p.email(),
                    p.jobTitle(),
                    p.team(),
                    p.workPhone(),
                    p.mobile(),
                    p.site(),
                    p.manager(),
                    p.helpOtherPartners(),
                    p.helpHoursPerMonth(),
                    p.outOfHours(),
                    p.unavailableUntil(),
                    p.unavailableReason(),
                    p.lastConfirmed(),
                    skills.getOrDefault(p.id(), List.of()).stream()
                            .map(s -> new SkillCell(
                                    s.skill(), s.level(), s.verified() ? Verification.VERIFIED : Verification.KEEP))
                            .toList(),
                    certs.getOrDefault(p.id(), List.of()).stream()
                            .map(c -> new CertCell(
                                    c.name(), c.issuer(), c.number(), c.expires(), c.skill(), c.obtained()))
                            .toList()));
        }
        return PeopleCsv.write(lines);
    }
}
