package org.sharedict.skills.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.directory.PeopleCsv.CertCell;
import org.sharedict.skills.directory.PeopleCsv.Line;
import org.sharedict.skills.directory.PeopleCsv.SkillCell;
import org.sharedict.skills.directory.PeopleCsv.Verification;
import org.sharedict.skills.profile.Certification;
import org.sharedict.skills.profile.PersonSkill;

import io.quarkus.panache.common.Parameters;

/** People as CSV, in exactly the format the import reads, so an export edited in a spreadsheet imports back. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PeopleExport {

    public String export(String partner) {
        Partner only = null;
        if (partner != null && !partner.isBlank()) {
            only = Partner.findByCode(partner.trim())
                    .orElseThrow(() -> ProblemException.invalid("partner", "no partner has the code '" + partner + "'"));
        }
        String where = only == null ? "" : " where %s.partner = :partner";
        Parameters params = only == null ? new Parameters() : Parameters.with("partner", only);
        List<Person> list = Person.list("from Person p" + where.formatted("p") + " order by p.partner.code, p.name, p.id", params);
        Map<Long, List<SkillCell>> skills = new HashMap<>();
        PersonSkill.<PersonSkill>list("from PersonSkill ps join fetch ps.skill" + where.formatted("ps.personId in (select p.id from Person p where p") + (only == null ? "" : ")")
                + " order by ps.level desc, ps.skill.code", params)
                .forEach(ps -> skills.computeIfAbsent(ps.personId, k -> new ArrayList<>())
                        .add(new SkillCell(ps.skill.code, ps.level, ps.verified() ? Verification.VERIFIED : Verification.KEEP)));
        Map<Long, List<CertCell>> certs = new HashMap<>();
        Certification.<Certification>list("from Certification c left join fetch c.skill" + where.formatted("c.personId in (select p.id from Person p where p") + (only == null ? "" : ")")
                + " order by c.name, c.id", params)
                .forEach(c -> certs.computeIfAbsent(c.personId, k -> new ArrayList<>())
                        .add(new CertCell(c.name, c.issuer, c.number, c.expires, c.skill == null ? null : c.skill.code, c.obtained)));
        List<Line> lines = new ArrayList<>();
        list.sort(Comparator.comparing((Person p) -> p.partner.code).thenComparing(p -> p.name.toLowerCase(Locale.ROOT)));
        for (Person p : list) {
            lines.add(new Line(p.partner.code, p.name, p.email, p.jobTitle, p.team, p.workPhone, p.mobile, p.site, p.manager,
                    p.helpOtherPartners, p.helpHoursPerMonth, p.outOfHours, p.unavailableUntil, p.unavailableReason,
                    p.lastConfirmed, skills.getOrDefault(p.id, List.of()), certs.getOrDefault(p.id, List.of())));
        }
        return PeopleCsv.write(lines);
    }
}
