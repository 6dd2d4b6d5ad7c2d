package org.sharedict.skills.aid.benefits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.security.Caller;
import org.sharedict.skills.aid.agreement.AgreementService;
import org.sharedict.skills.aid.agreement.Terms;
import org.sharedict.skills.aid.benefits.BenefitsDtos.BenefitsReport;
import org.sharedict.skills.aid.benefits.BenefitsDtos.Figures;
import org.sharedict.skills.aid.benefits.BenefitsDtos.SkillElsewhere;
import org.sharedict.skills.aid.ledger.Statements;
import org.sharedict.skills.aid.requests.GivenTime;
import org.sharedict.skills.aid.requests.HelpRequests;
import org.sharedict.skills.aid.requests.Minutes;
import org.sharedict.skills.aid.requests.RequestFacts;
import org.sharedict.skills.aid.requests.RequestStatus;
import org.sharedict.skills.aid.requests.TimeRecords;
import org.sharedict.skills.reports.ReportDtos.CoverageReport;
import org.sharedict.skills.reports.ReportDtos.KeyPersonRisk;
import org.sharedict.skills.reports.SkillsReports;

/**
 * What sharing saved, in the figures the partnership reports to its members: help received as
 * agency days avoided and their cost at the agency day rate ("cashable savings"), how many requests
 * were answered and how fast, and which skills a partner could only find elsewhere (from the
 * coverage report), marked where the key-person-risk report says one person holds them partnership-wide.
 * Staff see their own partner's figures and the partnership's totals; admins every partner's.
 */
@ApplicationScoped
public class Benefits {

    private static final String PARTNERSHIP = "PARTNERSHIP";

    private final HelpRequests requests;
    private final TimeRecords time;
    private final AgreementService agreement;
    private final SkillsReports reports;
    private final Caller caller;

    Benefits(
            HelpRequests requests, TimeRecords time, AgreementService agreement, SkillsReports reports, Caller caller) {
        this.requests = requests;
        this.time = time;
        this.agreement = agreement;
        this.reports = reports;
        this.caller = caller;
    }

    public BenefitsReport report(Statements.Period p) {
        Terms terms = agreement.terms();
        List<RequestFacts> asked = requests.facts(
                p.from().atStartOfDay(Partnership.zone()).toInstant(),
                p.to().plusDays(1).atStartOfDay(Partnership.zone()).toInstant());
        List<GivenTime> given = time.given(p.from(), p.to()).stream()
                .filter(GivenTime::confirmed)
                .toList();
        CoverageReport coverage = reports.coverage(null);
        Map<String, Set<String>> holders = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        coverage.rows().forEach(r -> {
            names.put(r.skill(), r.name());
            Set<String> by = new TreeSet<>();
            r.cells().stream().filter(c -> c.total() > 0).forEach(c -> by.add(c.partner()));
            holders.put(r.skill(), by);
        });
        Set<String> singlePerson = new HashSet<>();
        for (KeyPersonRisk k : reports.keyPersonRisk(null, 1).partnership()) {
            singlePerson.add(k.skill());
        }
        Set<String> partners = new TreeSet<>();
        asked.forEach(r -> {
            partners.add(r.requester());
            partners.add(r.helper());
        });
        given.forEach(g -> {
            partners.add(g.helper());
            partners.add(g.requester());
        });
        List<Figures> rows = new ArrayList<>();
        for (String partner : partners) {
            if (caller.isOf(partner)) {
                rows.add(figures(partner, partner::equals, asked, given, terms, holders, names, singlePerson));
            }
        }
        Figures all = figures(PARTNERSHIP, x -> true, asked, given, terms, holders, names, singlePerson);
        return new BenefitsReport(p.from(), p.to(), terms.agencyDayRatePence(), all, rows);
    }

    private static Figures figures(
            String scope,
            Predicate<String> is,
            List<RequestFacts> asked,
            List<GivenTime> given,
            Terms terms,
            Map<String, Set<String>> holders,
            Map<String, String> names,
            Set<String> singlePerson) {
        List<RequestFacts> made =
                asked.stream().filter(r -> is.test(r.requester())).toList();
        int received = (int) asked.stream().filter(r -> is.test(r.helper())).count();
        List<RequestFacts> answered =
                made.stream().filter(r -> r.decidedAt() != null).toList();
        int accepted = (int) made.stream()
                .filter(r -> r.status() != RequestStatus.DECLINED
                        && r.status() != RequestStatus.REQUESTED
                        && r.decidedAt() != null)
                .count();
        long receivedMinutes = 0;
        long charged = 0;
        long givenMinutes = 0;
        for (GivenTime g : given) {
            if (is.test(g.requester())) {
                receivedMinutes += g.minutes();
                charged += terms.charge(g.helper(), g.minutes(), g.outOfHours());
            }
            if (is.test(g.helper())) {
                givenMinutes += g.minutes();
            }
        }
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (RequestFacts r : made) {
            for (String skill : r.skills()) {
                if (!holders.getOrDefault(skill, Set.of()).contains(r.requester())) {
                    elsewhere.merge(skill, 1, Integer::sum);
                }
            }
        }
        List<SkillElsewhere> skills = new ArrayList<>();
        elsewhere.forEach((skill, n) -> skills.add(new SkillElsewhere(
                skill,
                names.getOrDefault(skill, skill),
                n,
                List.copyOf(holders.getOrDefault(skill, Set.of())),
                singlePerson.contains(skill))));
        return new Figures(
                scope,
                made.size(),
                received,
                answered.size(),
                accepted,
                median(answered),
                Minutes.toHours(receivedMinutes),
                Minutes.toHours(givenMinutes),
                BigDecimal.valueOf(receivedMinutes)
                        .divide(BigDecimal.valueOf(terms.minutesPerDay()), 2, RoundingMode.HALF_UP),
                terms.agencyCost(receivedMinutes),
                charged,
                skills);
    }

    private static BigDecimal median(List<RequestFacts> answered) {
        if (answered.isEmpty()) {
            return null;
        }
        List<Long> minutes = answered.stream()
                .map(r -> Duration.between(r.createdAt(), r.decidedAt()).toMinutes())
                .sorted()
                .toList();
        int n = minutes.size();
        long twice = n % 2 == 1 ? 2 * minutes.get(n / 2) : minutes.get(n / 2 - 1) + minutes.get(n / 2);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(120), 2, RoundingMode.HALF_UP);
    }
}
