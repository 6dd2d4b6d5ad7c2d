package org.sharedict.rota.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.incidents.IncidentService;
import org.sharedict.rota.incidents.IncidentService.Lifetime;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.reports.ReportDtos.FairnessReport;
import org.sharedict.rota.reports.ReportDtos.HoursReport;
import org.sharedict.rota.reports.ReportDtos.PartnerCover;
import org.sharedict.rota.reports.ReportDtos.PartnerFairness;
import org.sharedict.rota.reports.ReportDtos.PartnerHours;
import org.sharedict.rota.reports.ReportDtos.PersonHours;
import org.sharedict.rota.reports.ReportDtos.ResponseReport;
import org.sharedict.rota.reports.ReportDtos.ResponseTimes;
import org.sharedict.rota.reports.ReportDtos.RotaFairness;
import org.sharedict.rota.rotas.RotaPlans;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Interval;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.Shift;

/** Hours on call (for payments and cross-charging), fairness between partners, time to acknowledge and resolve. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reports {

    static final Duration MAX_RANGE = Duration.ofDays(400);

    public enum Granularity {
        DAY,
        WEEK,
        MONTH
    }

    private final RotaPlans plans;
    private final CalendarService calendar;
    private final People people;
    private final IncidentService incidents;

    @Inject
    Reports(RotaPlans plans, CalendarService calendar, People people, IncidentService incidents) {
        this.plans = plans;
        this.calendar = calendar;
        this.people = people;
        this.incidents = incidents;
    }

    private static void range(Instant from, Instant to) {
        Times.requireRange("to", from, to, MAX_RANGE);
    }

    private List<RotaPlans.Skeleton> rotas(Long rotaId) {
        if (rotaId == null) {
            return plans.all();
        }
        return List.of(
                plans.skeleton(rotaId).orElseThrow(() -> ProblemException.invalid("rotaId", "no rota has this ID")));
    }

    public HoursReport hours(Instant from, Instant to, Long rotaId) {
        range(from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        // Exact milliseconds: primary, secondary, out of hours, and the number of shifts.
        Map<Long, long[]> byPerson = new HashMap<>();
        // Per rota, per person: the primary layer's out-of-hours milliseconds (the cover they gave).
        Map<RotaPlans.Skeleton, Map<Long, Long>> primaryOutOfHours = new LinkedHashMap<>();
        for (RotaPlans.Skeleton r : rotas(rotaId)) {
            for (Shift s : Expander.shifts(plans.plan(r, from, to), cal, from, to)) {
                long[] h = byPerson.computeIfAbsent(s.personId(), k -> new long[4]);
                long ooh = outOfHoursMillis(s, cal);
                h[s.layer() == Layer.PRIMARY ? 0 : 1] += s.length().toMillis();
                h[2] += ooh;
                h[3]++;
                if (s.layer() == Layer.PRIMARY) {
                    primaryOutOfHours.computeIfAbsent(r, k -> new HashMap<>()).merge(s.personId(), ooh, Long::sum);
                }
            }
        }
        Map<Long, Contact> known = people.find(byPerson.keySet());
        List<PersonHours> persons = new ArrayList<>();
        Map<String, long[]> byPartner = new TreeMap<>();
        byPerson.forEach((id, h) -> {
            Contact p = known.get(id);
            String partner = p == null ? "UNKNOWN" : p.partner();
            persons.add(new PersonHours(
                    id,
                    p == null ? null : p.name(),
                    partner,
                    Hundredths.hours(h[0]),
                    Hundredths.hours(h[1]),
                    Hundredths.hours(h[2]),
                    (int) h[3]));
            long[] t = byPartner.computeIfAbsent(partner, k -> new long[4]);
            t[0] += h[0];
            t[1] += h[1];
            t[2] += h[2];
            t[3]++;
        });
        persons.sort((a, b) -> a.partner().equals(b.partner())
                ? Long.compare(a.personId(), b.personId())
                : a.partner().compareTo(b.partner()));
        List<PartnerHours> partners = new ArrayList<>();
        byPartner.forEach((p, t) -> partners.add(new PartnerHours(
                p, Hundredths.hours(t[0]), Hundredths.hours(t[1]), Hundredths.hours(t[2]), (int) t[3])));
        return new HoursReport(from, to, rotaId, persons, partners, cover(primaryOutOfHours, known));
    }

    /** Each partner's people's primary out-of-hours time on a rota, shared equally among the partners it covers. */
    private static List<PartnerCover> cover(Map<RotaPlans.Skeleton, Map<Long, Long>> byRota, Map<Long, Contact> known) {
        List<PartnerCover> out = new ArrayList<>();
        byRota.forEach((r, byPerson) -> {
            if (r.partners().isEmpty()) {
                return;
            }
            Map<String, Long> given = new TreeMap<>();
            byPerson.forEach((id, millis) -> {
                Contact p = known.get(id);
                if (p != null) {
                    given.merge(p.partner(), millis, Long::sum);
                }
            });
            given.forEach((giver, millis) -> new TreeSet<>(r.partners()).forEach(receiver -> {
                if (!receiver.equals(giver) && millis > 0) {
                    out.add(new PartnerCover(
                            r.id(),
                            r.name(),
                            giver,
                            receiver,
                            Hundredths.hours(millis / r.partners().size())));
                }
            }));
        });
        return out;
    }

    private static long outOfHoursMillis(Shift s, OutOfHoursCalendar cal) {
        long millis = 0;
        for (Interval w : cal.windows(s.start(), s.end())) {
            millis += w.length().toMillis();
        }
        return millis;
    }

    public FairnessReport fairness(Instant from, Instant to, Long rotaId) {
        range(from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        List<RotaFairness> out = new ArrayList<>();
        for (RotaPlans.Skeleton r : rotas(rotaId)) {
            List<Long> members = r.members(Layer.PRIMARY);
            Map<Long, Contact> known = people.find(new LinkedHashSet<>(members));
            Map<String, Integer> memberCount = new TreeMap<>();
            members.forEach(m -> memberCount.merge(partnerOf(known, m), 1, Integer::sum));
            List<Shift> shifts = Expander.shifts(plans.plan(r, from, to), cal, Layer.PRIMARY, from, to);
            Set<Long> others = new LinkedHashSet<>();
            shifts.forEach(s -> others.add(s.personId()));
            known.putAll(people.find(others));
            Map<String, Long> given = new TreeMap<>();
            for (Shift s : shifts) {
                given.merge(partnerOf(known, s.personId()), s.length().toMillis(), Long::sum);
            }
            Set<String> partners = new TreeSet<>(r.partners());
            partners.addAll(memberCount.keySet());
            partners.addAll(given.keySet());
            FairShares shares = FairShares.of(new ArrayList<>(partners), given, r.partners());
            List<PartnerFairness> rows = new ArrayList<>();
            for (FairShares.Share sh : shares.shares()) {
                int m = memberCount.getOrDefault(sh.partner(), 0);
                rows.add(new PartnerFairness(
                        sh.partner(),
                        sh.covered(),
                        m,
                        members.isEmpty() ? 0 : round4((double) m / members.size()),
                        sh.givenHundredths() / 100.0,
                        shares.totalMillis() == 0 ? 0 : round4((double) sh.givenMillis() / shares.totalMillis()),
                        sh.receivedHundredths() / 100.0,
                        sh.balanceHundredths() / 100.0));
            }
            out.add(new RotaFairness(r.id(), r.name(), Hundredths.hours(shares.totalMillis()), rows));
        }
        return new FairnessReport(from, to, out);
    }

    private static String partnerOf(Map<Long, Contact> known, long id) {
        Contact p = known.get(id);
        return p == null ? "UNKNOWN" : p.partner();
    }

    public ResponseReport responseTimes(Instant from, Instant to, String partner, Granularity g) {
        range(from, to);
        Map<String, Map<LocalDate, List<Lifetime>>> groups = new TreeMap<>();
        for (Lifetime i : incidents.lifetimes(from, to, partner)) {
            LocalDate d = LocalDate.ofInstant(i.createdAt(), OutOfHoursCalendar.ZONE);
            LocalDate period = switch (g) {
                case DAY -> d;
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1);
            };
            groups.computeIfAbsent(i.partner(), k -> new TreeMap<>())
                    .computeIfAbsent(period, k -> new ArrayList<>())
                    .add(i);
        }
        List<ResponseTimes> rows = new ArrayList<>();
        groups.forEach((p, periods) -> periods.forEach((period, lived) -> {
            List<Double> ack = new ArrayList<>();
            List<Double> res = new ArrayList<>();
            for (Lifetime i : lived) {
                if (i.acknowledgedAt() != null) {
                    ack.add(Duration.between(i.createdAt(), i.acknowledgedAt()).toMillis() / 1000.0);
                }
                if (i.resolvedAt() != null) {
                    res.add(Duration.between(i.createdAt(), i.resolvedAt()).toMillis() / 1000.0);
                }
            }
            rows.add(new ResponseTimes(
                    p,
                    period,
                    lived.size(),
                    ack.size(),
                    res.size(),
                    quantile(ack, 0.5),
                    quantile(ack, 0.9),
                    mean(ack),
                    quantile(res, 0.5),
                    quantile(res, 0.9),
                    mean(res)));
        }));
        return new ResponseReport(from, to, g, rows);
    }

    static Double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int idx = (int) Math.ceil(q * v.size()) - 1;
        return round(v.get(Math.max(0, Math.min(idx, v.size() - 1))));
    }

    static Double mean(List<Double> values) {
        return values.isEmpty()
                ? null
                : round(values.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
