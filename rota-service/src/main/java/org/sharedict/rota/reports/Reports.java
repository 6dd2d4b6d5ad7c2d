package org.sharedict.rota.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.people.People;
import org.sharedict.rota.people.PersonSnapshot;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.reports.ReportDtos.FairnessReport;
import org.sharedict.rota.reports.ReportDtos.HoursReport;
import org.sharedict.rota.reports.ReportDtos.PartnerFairness;
import org.sharedict.rota.reports.ReportDtos.PartnerHours;
import org.sharedict.rota.reports.ReportDtos.PersonHours;
import org.sharedict.rota.reports.ReportDtos.ResponseReport;
import org.sharedict.rota.reports.ReportDtos.ResponseTimes;
import org.sharedict.rota.reports.ReportDtos.RotaFairness;
import org.sharedict.rota.rotas.Rota;
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

    public enum Granularity { DAY, WEEK, MONTH }

    @Inject
    RotaPlans plans;

    @Inject
    CalendarService calendar;

    @Inject
    People people;

    private static void range(Instant from, Instant to) {
        Times.requireRange("to", from, to, MAX_RANGE);
    }

    private List<Rota> rotas(Long rotaId) {
        if (rotaId == null) {
            return Rota.list("order by id");
        }
        Rota r = Rota.findById(rotaId);
        if (r == null) {
            throw ProblemException.invalid("rotaId", "no rota has this ID");
        }
        return List.of(r);
    }

    public HoursReport hours(Instant from, Instant to, Long rotaId) {
        range(from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        Map<Long, double[]> byPerson = new HashMap<>();
        for (Rota r : rotas(rotaId)) {
            for (Shift s : Expander.shifts(plans.plan(r, from, to), cal, from, to)) {
                double[] h = byPerson.computeIfAbsent(s.personId(), k -> new double[4]);
                double hours = s.length().toSeconds() / 3600.0;
                h[s.layer() == Layer.PRIMARY ? 0 : 1] += hours;
                h[2] += outOfHours(s, cal);
                h[3]++;
            }
        }
        Map<Long, PersonSnapshot> known = people.find(byPerson.keySet());
        List<PersonHours> persons = new ArrayList<>();
        Map<String, double[]> byPartner = new TreeMap<>();
        byPerson.forEach((id, h) -> {
            PersonSnapshot p = known.get(id);
            String partner = p == null ? "UNKNOWN" : p.partner;
            persons.add(new PersonHours(id, p == null ? null : p.name, partner, round(h[0]), round(h[1]), round(h[2]), (int) h[3]));
            double[] t = byPartner.computeIfAbsent(partner, k -> new double[4]);
            t[0] += h[0];
            t[1] += h[1];
            t[2] += h[2];
            t[3]++;
        });
        persons.sort((a, b) -> a.partner().equals(b.partner()) ? Long.compare(a.personId(), b.personId()) : a.partner().compareTo(b.partner()));
        List<PartnerHours> partners = new ArrayList<>();
        byPartner.forEach((p, t) -> partners.add(new PartnerHours(p, round(t[0]), round(t[1]), round(t[2]), (int) t[3])));
        return new HoursReport(from, to, rotaId, persons, partners);
    }

    private static double outOfHours(Shift s, OutOfHoursCalendar cal) {
        long seconds = 0;
        for (Interval w : cal.windows(s.start(), s.end())) {
            seconds += w.length().toSeconds();
        }
        return seconds / 3600.0;
    }

    public FairnessReport fairness(Instant from, Instant to, Long rotaId) {
        range(from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        List<RotaFairness> out = new ArrayList<>();
        for (Rota r : rotas(rotaId)) {
            List<Long> members = r.members(Layer.PRIMARY);
            Map<Long, PersonSnapshot> known = people.find(new LinkedHashSet<>(members));
            Map<String, Integer> memberCount = new TreeMap<>();
            members.forEach(m -> memberCount.merge(partnerOf(known, m), 1, Integer::sum));
            Map<String, Double> hours = new TreeMap<>();
            double total = 0;
            List<Shift> shifts = Expander.shifts(plans.plan(r, from, to), cal, Layer.PRIMARY, from, to);
            Set<Long> others = new LinkedHashSet<>();
            shifts.forEach(s -> others.add(s.personId()));
            known.putAll(people.find(others));
            for (Shift s : shifts) {
                double h = s.length().toSeconds() / 3600.0;
                hours.merge(partnerOf(known, s.personId()), h, Double::sum);
                total += h;
            }
            Set<String> partners = new java.util.TreeSet<>(r.partners);
            partners.addAll(memberCount.keySet());
            partners.addAll(hours.keySet());
            double received = r.partners.isEmpty() ? 0 : total / r.partners.size();
            List<PartnerFairness> rows = new ArrayList<>();
            for (String p : partners) {
                boolean covered = r.partners.contains(p);
                int m = memberCount.getOrDefault(p, 0);
                double h = hours.getOrDefault(p, 0.0);
                double rec = covered ? received : 0;
                rows.add(new PartnerFairness(p, covered, m, members.isEmpty() ? 0 : round4((double) m / members.size()), round(h),
                        total == 0 ? 0 : round4(h / total), round(rec), round(h - rec)));
            }
            out.add(new RotaFairness(r.id, r.name, round(total), rows));
        }
        return new FairnessReport(from, to, out);
    }

    private static String partnerOf(Map<Long, PersonSnapshot> known, long id) {
        PersonSnapshot p = known.get(id);
        return p == null ? "UNKNOWN" : p.partner;
    }

    public ResponseReport responseTimes(Instant from, Instant to, String partner, Granularity g) {
        range(from, to);
        List<Incident> list = partner == null ? Incident.list("createdAt >= ?1 and createdAt < ?2", from, to)
                : Incident.list("createdAt >= ?1 and createdAt < ?2 and partner = ?3", from, to, partner);
        Map<String, Map<LocalDate, List<Incident>>> groups = new TreeMap<>();
        for (Incident i : list) {
            LocalDate d = LocalDate.ofInstant(i.createdAt, OutOfHoursCalendar.LONDON);
            LocalDate period = switch (g) {
                case DAY -> d;
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1);
            };
            groups.computeIfAbsent(i.partner, k -> new TreeMap<>()).computeIfAbsent(period, k -> new ArrayList<>()).add(i);
        }
        List<ResponseTimes> rows = new ArrayList<>();
        groups.forEach((p, periods) -> periods.forEach((period, incidents) -> {
            List<Double> ack = new ArrayList<>();
            List<Double> res = new ArrayList<>();
            for (Incident i : incidents) {
                if (i.acknowledgedAt != null) {
                    ack.add(Duration.between(i.createdAt, i.acknowledgedAt).toMillis() / 1000.0);
                }
                if (i.resolvedAt != null) {
                    res.add(Duration.between(i.createdAt, i.resolvedAt).toMillis() / 1000.0);
                }
            }
            rows.add(new ResponseTimes(p, period, incidents.size(), ack.size(), res.size(), quantile(ack, 0.5), quantile(ack, 0.9), mean(ack),
                    quantile(res, 0.5), quantile(res, 0.9), mean(res)));
        }));
        return new ResponseReport(from, to, g.name(), rows);
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
        return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
