package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.RotaDtos.LayerInput;
import org.sharedict.rota.rotas.RotaDtos.LayerView;
import org.sharedict.rota.rotas.RotaDtos.PersonRef;
import org.sharedict.rota.rotas.RotaDtos.RotaInput;
import org.sharedict.rota.rotas.RotaDtos.RotaView;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.Shift;

/** Rota definitions: who may create and change them, what is valid, the audit of each change, and telling people their shifts moved. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RotaService {

    static final int MAX_ROTATION_DAYS = 56;
    private static final Map<String, String> SORTS =
            Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final Auditor audit;
    private final Clock clock;
    private final People people;
    private final Partners partnerCodes;
    private final CalendarService calendar;
    private final PolicyLinks policies;
    private final RotaRules rules;
    private final ShiftService shifts;
    private final Event<ShiftsChanged> shiftsChanged;

    @Inject
    RotaService(
            Auditor audit,
            Clock clock,
            People people,
            Partners partnerCodes,
            CalendarService calendar,
            PolicyLinks policies,
            RotaRules rules,
            ShiftService shifts,
            Event<ShiftsChanged> shiftsChanged) {
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.partnerCodes = partnerCodes;
        this.calendar = calendar;
        this.policies = policies;
        this.rules = rules;
        this.shifts = shifts;
        this.shiftsChanged = shiftsChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RotaView> list(PageRequest page, String partner) {
        if (partner == null) {
            return Page.of(Rota.findAll(page.toSort(SORTS, "name", "id")), page, this::view);
        }
        return Page.of(
                Rota.find(
                        "select distinct r from Rota r join r.partners p where p = ?1",
                        page.toSort(SORTS, "name", "id"),
                        partner),
                page,
                this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RotaView> get(long id) {
        return Rota.<Rota>findByIdOptional(id).map(this::view);
    }

    public RotaView create(RotaInput in) {
        Set<String> partners = partners(in.partners());
        rules.requireEditRights(partners);
        int days = rotationDays(in.rotationLength());
        Map<Layer, List<Long>> layers = layers(in.layers());
        checkPolicy(in.escalationPolicyId());
        if (Rota.count("name", in.name().trim()) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        partnerCodes.requireExisting(wanted(partners));
        people.requireExisting(wanted(in.layers()));
        Rota r = new Rota();
        apply(r, in, partners, days, layers);
        Instant now = Instant.now(clock);
        r.createdAt = r.updatedAt = now;
        r.persistAndFlush();
        audit.created("rota", r.id, null, view(r));
        shiftsChanged.fire(new ShiftsChanged(r.name, List.of(), shifts.upcoming(r, now), true));
        return view(r);
    }

    public RotaView update(long id, RotaInput in, String ifMatch) {
        Rota r = RotaRules.find(id);
        rules.requireEditRights(r.partners);
        ETags.requireMatch(r, ifMatch, in.version());
        Set<String> partners = partners(in.partners());
        rules.requireEditRights(partners);
        int days = rotationDays(in.rotationLength());
        Map<Layer, List<Long>> layers = layers(in.layers());
        checkPolicy(in.escalationPolicyId());
        if (Rota.count("name = ?1 and id <> ?2", in.name().trim(), id) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        partnerCodes.requireExisting(wanted(partners));
        people.requireExisting(wanted(in.layers()));
        Instant now = Instant.now(clock);
        List<Shift> before = shifts.upcoming(r, now);
        Changes changes = Changes.track()
                .field("name", r.name, in.name().trim())
                .field("partners", String.join(",", r.partners), String.join(",", partners))
                .field("coverage", r.coverage, in.coverage())
                .field("rotationDays", r.rotationDays, days)
                .field("handoffTime", String.valueOf(r.handoffTime), String.valueOf(in.handoffTime()))
                .field("handoffDay", r.handoffDay, in.handoffDay())
                .field("startDate", String.valueOf(r.startDate), String.valueOf(in.startDate()))
                .field("members", members(r), layers.toString())
                .field("escalationPolicyId", r.escalationPolicyId, in.escalationPolicyId());
        apply(r, in, partners, days, layers);
        if (!changes.isEmpty()) {
            r.updatedAt = now;
        }
        r.flush();
        audit.updated("rota", r.id, null, changes);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, shifts.upcoming(r, now), false));
        return view(r);
    }

    public void delete(long id, String ifMatch) {
        Rota r = RotaRules.find(id);
        rules.requireEditRights(r.partners);
        if (ifMatch != null) {
            ETags.requireMatch(r, ifMatch, null);
        }
        policies.policyPaging(id).ifPresent(name -> {
            throw ProblemException.conflict(
                    "Rota " + id + " is a target of the escalation policy \"" + name + "\"; change the policy first");
        });
        RotaView last = view(r);
        List<Shift> before = shifts.upcoming(r, Instant.now(clock));
        RotaOverride.delete("rotaId", id);
        RotaSwap.delete("rotaId", id);
        r.delete();
        audit.deleted("rota", id, null, last);
        shiftsChanged.fire(new ShiftsChanged(last.name(), before, List.of(), false));
    }

    private static Set<String> partners(Set<String> in) {
        Set<String> out = new LinkedHashSet<>();
        in.forEach(p -> out.add(p.trim().toUpperCase(Locale.ROOT)));
        return out;
    }

    static int rotationDays(String text) {
        Period p;
        try {
            p = Period.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    "rotationLength", "must be an ISO-8601 period of days or weeks, such as P7D or P1W");
        }
        if (p.getMonths() != 0 || p.getYears() != 0) {
            throw ProblemException.invalid(
                    "rotationLength", "months and years have no fixed length; give days or weeks, such as P28D");
        }
        int days = p.getDays();
        if (days < 1 || days > MAX_ROTATION_DAYS) {
            throw ProblemException.invalid("rotationLength", "must be between 1 and " + MAX_ROTATION_DAYS + " days");
        }
        return days;
    }

    private static Map<Layer, List<Long>> layers(List<LayerInput> in) {
        Map<Layer, List<Long>> out = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            LayerInput l = in.get(i);
            if (out.containsKey(l.layer())) {
                throw ProblemException.invalid("layers[" + i + "].layer", "the " + l.layer() + " layer is given twice");
            }
            Set<Long> seen = new HashSet<>();
            for (int j = 0; j < l.members().size(); j++) {
                if (!seen.add(l.members().get(j))) {
                    throw ProblemException.invalid(
                            "layers[" + i + "].members[" + j + "]", "is already a member of this layer");
                }
            }
            out.put(l.layer(), List.copyOf(l.members()));
        }
        if (!out.containsKey(Layer.PRIMARY)) {
            throw ProblemException.invalid("layers", "a rota needs a PRIMARY layer");
        }
        return out;
    }

    /** The codes arrive as a set (no order to name an index by): the 400 names {@code partners} and the code it rejects. */
    private static List<Partners.Wanted> wanted(Set<String> partners) {
        return partners.stream().map(p -> new Partners.Wanted("partners", p)).toList();
    }

    private static List<People.Wanted> wanted(List<LayerInput> in) {
        List<People.Wanted> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            for (int j = 0; j < in.get(i).members().size(); j++) {
                out.add(new People.Wanted(
                        "layers[" + i + "].members[" + j + "]",
                        in.get(i).members().get(j)));
            }
        }
        return out;
    }

    private void checkPolicy(Long policyId) {
        if (policyId != null && !policies.policyExists(policyId)) {
            throw ProblemException.invalid("escalationPolicyId", "no escalation policy has this ID");
        }
    }

    private static void apply(Rota r, RotaInput in, Set<String> partners, int days, Map<Layer, List<Long>> layers) {
        try {
            r.name = in.name().trim();
            r.partners.clear();
            r.partners.addAll(partners);
            r.coverage = in.coverage();
            r.rotationDays = days;
            r.handoffTime = in.handoffTime();
            r.handoffDay = in.handoffDay();
            r.startDate = in.startDate();
            r.escalationPolicyId = in.escalationPolicyId();
            r.members.clear();
            layers.forEach((layer, ids) -> {
                for (int i = 0; i < ids.size(); i++) {
                    r.members.add(new Rota.Member(layer, i, ids.get(i)));
                }
            });
        } catch (DateTimeException e) {
            throw ProblemException.invalid("startDate", e.getMessage());
        }
    }

    private static String members(Rota r) {
        Map<Layer, List<Long>> m = new LinkedHashMap<>();
        for (Layer l : Layer.values()) {
            if (!r.members(l).isEmpty()) {
                m.put(l, r.members(l));
            }
        }
        return m.toString();
    }

    RotaView view(Rota r) {
        Map<Long, Contact> known = people.find(r.everyone());
        List<LayerView> layers = new ArrayList<>();
        for (Layer l : Layer.values()) {
            List<Long> ids = r.members(l);
            if (!ids.isEmpty()) {
                layers.add(new LayerView(
                        l,
                        ids.stream()
                                .map(id -> {
                                    Contact p = known.get(id);
                                    return new PersonRef(
                                            id, p == null ? null : p.name(), p == null ? null : p.partner());
                                })
                                .toList()));
            }
        }
        Instant firstHandoff =
                r.firstHandoff().atZone(calendar.calendar().zone()).toInstant();
        return new RotaView(
                r.id,
                r.name,
                new TreeSet<>(r.partners),
                r.coverage,
                "P" + r.rotationDays + "D",
                r.handoffTime,
                r.handoffDay,
                r.startDate,
                firstHandoff,
                layers,
                r.escalationPolicyId,
                r.version,
                r.createdAt,
                r.updatedAt);
    }
}
