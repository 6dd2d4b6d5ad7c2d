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
import org.sharedict.skills.platform.Csv;
import org.sharedict.skills.profile.Certification;
import org.sharedict.skills.profile.PersonSkill;

/** People as CSV, in exactly the format the import reads, so an export edited in a spreadsheet imports back. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PeopleExport {

    public String export(String partner) {
        List<Person> list;
        if (partner != null && !partner.isBlank()) {
            Partner p = Partner.findByCode(partner.trim())
                    .orElseThrow(() -> ProblemException.invalid("partner", "no partner has the code '" + partner + "'"));
            list = Person.list("partner = ?1 order by name, id", p);
        } else {
            list = Person.list("order by partner.code, name, id");
        }
        Map<Long, List<String>> skills = new HashMap<>();
        PersonSkill.<PersonSkill>list("from PersonSkill ps join fetch ps.skill order by ps.level desc, ps.skill.code")
                .forEach(ps -> skills.computeIfAbsent(ps.person.id, k -> new ArrayList<>())
                        .add(ps.skill.code + ":" + ps.level + (ps.verified() ? ":verified" : "")));
        Map<Long, List<String>> certs = new HashMap<>();
        Certification.<Certification>list("from Certification c left join fetch c.skill order by c.name")
                .forEach(c -> certs.computeIfAbsent(c.person.id, k -> new ArrayList<>())
                        .add(String.join("|", nz(c.name), nz(c.issuer), nz(c.number),
                                c.expires == null ? "" : c.expires.toString(), c.skill == null ? "" : c.skill.code)
                                .replaceAll("\\|+$", "")));
        List<List<?>> rows = new ArrayList<>();
        list.sort(Comparator.comparing((Person p) -> p.partner.code).thenComparing(p -> p.name.toLowerCase(Locale.ROOT)));
        for (Person p : list) {
            rows.add(List.of(p.partner.code, p.name, p.email, nz(p.jobTitle), nz(p.team), nz(p.workPhone), nz(p.mobile),
                    nz(p.site), yes(p.manager), yes(p.helpOtherPartners), p.helpHoursPerMonth, yes(p.outOfHours),
                    p.unavailableUntil == null ? "" : p.unavailableUntil.toString(), nz(p.unavailableReason),
                    p.lastConfirmed == null ? "" : p.lastConfirmed.toString(),
                    String.join("; ", skills.getOrDefault(p.id, List.of())), String.join("; ", certs.getOrDefault(p.id, List.of()))));
        }
        return Csv.write(PeopleCsv.COLUMNS, rows);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
