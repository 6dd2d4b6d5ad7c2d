package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Names;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.RotaDtos.LayerInput;
import org.sharedict.rota.rotas.RotaDtos.LayerView;
import org.sharedict.rota.rotas.RotaDtos.LeaveInput;
import org.sharedict.rota.rotas.RotaDtos.LeaveView;
import org.sharedict.rota.rotas.RotaDtos.OverrideInput;
import org.sharedict.rota.rotas.RotaDtos.OverrideView;
import org.sharedict.rota.rotas.RotaDtos.PersonRef;
import org.sharedict.rota.rotas.RotaDtos.RotaInput;
import org.sharedict.rota.rotas.RotaDtos.RotaView;
import org.sharedict.rota.rotas.RotaDtos.ShiftView;
import org.sharedict.rota.rotas.RotaDtos.SwapInput;
import org.sharedict.rota.rotas.RotaDtos.SwapView;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/**
 * Rotas and what changes them (overrides, leave, swaps): who may, what is valid, the audit of each
 * change, and telling the people whose upcoming shifts a change moved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RotaService {

    static final int MAX_ROTATION_DAYS = 56;
    /** The longest from-to range of shifts, overrides and leave one request reads. */
    static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final Map<String, String> SORTS = Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

    @Inject
    Caller caller;

    @Inject
    Auditor audit;

    @Inject
    Clock clock;

    @Inject
    People people;

    @Inject
    Partners partnerCodes;

    @Inject
    RotaPlans plans;

    @Inject
    CalendarService calendar;

    @Inject
    Event<ShiftsChanged> shiftsChanged;

    @Inject
    RotaConfig config;

    @Inject
    PolicyLinks policies;

    // ---- rotas ------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RotaView> list(PageRequest page, String partner) {
        if (partner == null) {
            return Page.of(Rota.findAll(page.toSort(SORTS, "name", "id")), page, this::view);
        }
        return Page.of(Rota.find("select distinct r from Rota r join r.partners p where p = ?1", page.toSort(SORTS, "name", "id"), partner),
                page, this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RotaView> get(long id) {
        return Rota.<Rota>findByIdOptional(id).map(this::view);
    }

    public RotaView create(RotaInput in) {
        Set<String> partners = partners(in.partners());
        requireEditRights(partners);
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
        shiftsChanged.fire(new ShiftsChanged(r.name, List.of(), upcoming(r, now), true));
        return view(r);
    }

    public RotaView update(long id, RotaInput in, String ifMatch) {
        Rota r = find(id);
        requireEditRights(r.partners);
        ETags.requireMatch(r, ifMatch, in.version());
        Set<String> partners = partners(in.partners());
        requireEditRights(partners);
        int days = rotationDays(in.rotationLength());
        Map<Layer, List<Long>> layers = layers(in.layers());
        checkPolicy(in.escalationPolicyId());
        if (Rota.count("name = ?1 and id <> ?2", in.name().trim(), id) > 0) {
            throw ProblemException.duplicate("name", in.name().trim());
        }
        partnerCodes.requireExisting(wanted(partners));
        people.requireExisting(wanted(in.layers()));
        Instant now = Instant.now(clock);
        List<Shift> before = upcoming(r, now);
        Changes changes = Changes.track().field("name", r.name, in.name().trim())
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
        shiftsChanged.fire(new ShiftsChanged(r.name, before, upcoming(r, now), false));
        return view(r);
    }

    public void delete(long id, String ifMatch) {
        Rota r = find(id);
        requireEditRights(r.partners);
        if (ifMatch != null) {
            ETags.requireMatch(r, ifMatch, null);
        }
        policies.policyPaging(id).ifPresent(name -> {
            throw ProblemException.conflict("Rota " + id + " is a target of the escalation policy \"" + name + "\"; change the policy first");
        });
        RotaView last = view(r);
        List<Shift> before = upcoming(r, Instant.now(clock));
        RotaOverride.delete("rotaId", id);
        RotaSwap.delete("rotaId", id);
        r.delete();
        audit.deleted("rota", id, null, last);
        shiftsChanged.fire(new ShiftsChanged(last.name(), before, List.of(), false));
    }

    // ---- shifts -----------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShiftView> shifts(long id, Instant from, Instant to, Layer layer) {
        Times.requireRange("to", from, to, MAX_RANGE);
        Rota r = find(id);
        RotaPlan plan = plans.plan(r, from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        List<Shift> shifts = layer == null ? Expander.shifts(plan, cal, from, to) : Expander.shifts(plan, cal, layer, from, to);
        return views(r, shifts);
    }

    /** Every shift the person holds on any rota in [from, to): as a member, as cover, or by override. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShiftView> shiftsOf(long personId, Instant from, Instant to) {
        Set<Long> rotaIds = new LinkedHashSet<>();
        Rota.<Rota>list("select distinct r from Rota r join r.members m where m.personId = ?1", personId).forEach(r -> rotaIds.add(r.id));
        RotaOverride.<RotaOverride>list("personId = ?1 and endsAt > ?2 and startsAt < ?3", personId, from, to).forEach(o -> rotaIds.add(o.rotaId));
        List<ShiftView> out = new ArrayList<>();
        for (Long id : rotaIds) {
            shifts(id, from, to, null).stream().filter(s -> s.personId() == personId).forEach(out::add);
        }
        out.sort(Comparator.comparing(ShiftView::start).thenComparing(ShiftView::rotaId));
        return out;
    }

    List<ShiftView> views(Rota r, List<Shift> shifts) {
        Set<Long> ids = new HashSet<>();
        shifts.forEach(s -> {
            ids.add(s.personId());
            ids.add(s.scheduledPersonId());
            ids.addAll(Names.mentioned(s.note()));
        });
        Map<Long, Contact> known = people.find(ids);
        List<ShiftView> out = new ArrayList<>(shifts.size());
        for (Shift s : shifts) {
            Contact p = known.get(s.personId());
            Contact sch = known.get(s.scheduledPersonId());
            out.add(new ShiftView(r.id, r.name, s.layer(), s.start(), s.end(), s.length().toMinutes() / 60.0, s.personId(),
                    p == null ? null : p.name(), p == null ? null : p.partner(), s.reason(), s.scheduledPersonId(),
                    sch == null ? null : sch.name(), Names.named(s.note(), known)));
        }
        return out;
    }

    /**
     * The rota's whole shifts meeting [now, now + notice horizon): what its members were (or will be)
     * told. A change reads the clock once and compares both sides at that instant, and whole shifts
     * do not move with it, so someone on call across now or the horizon is not told of a change
     * that did not touch them.
     */
    List<Shift> upcoming(Rota r, Instant now) {
        Instant to = now.plus(Duration.ofDays(config.notices().horizonDays()));
        // The plan holds the changes a whole shift can meet: one rotation period beyond either edge.
        Duration margin = Duration.ofDays(r.rotationDays + 1L);
        return Expander.whole(plans.plan(r, now.minus(margin), to.plus(margin)), calendar.calendar(), now, to);
    }

    // ---- overrides --------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverrideView> overrides(long rotaId, Instant from, Instant to) {
        Times.requireRange("to", from, to, MAX_RANGE);
        find(rotaId);
        List<RotaOverride> list = RotaOverride.list("rotaId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", rotaId, from, to);
        Map<Long, Contact> known = people.find(list.stream().map(o -> o.personId).toList());
        return list.stream().map(o -> overrideView(o, known.get(o.personId))).toList();
    }

    public OverrideView addOverride(long rotaId, OverrideInput in) {
        Rota r = find(rotaId);
        requireEditRights(r.partners);
        Layer layer = in.layer() == null ? Layer.PRIMARY : in.layer();
        period(in.start(), in.end());
        if (r.members(layer).isEmpty()) {
            throw ProblemException.invalid("layer", "the rota has no " + layer + " layer");
        }
        Map<Long, Contact> found = people.requireExisting(List.of(new People.Wanted("personId", in.personId())));
        Instant now = Instant.now(clock);
        List<Shift> before = upcoming(r, now);
        RotaOverride o = new RotaOverride();
        o.rotaId = rotaId;
        o.layer = layer;
        o.personId = in.personId();
        o.startsAt = in.start();
        o.endsAt = in.end();
        o.reason = in.reason().trim();
        o.createdBy = caller.username();
        o.createdAt = now;
        o.persistAndFlush();
        OverrideView v = overrideView(o, found.get(o.personId));
        audit.created("rota-override", o.id, null, v);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, upcoming(r, now), false));
        return v;
    }

    public void deleteOverride(long rotaId, long overrideId) {
        Rota r = find(rotaId);
        requireEditRights(r.partners);
        RotaOverride o = RotaOverride.<RotaOverride>find("id = ?1 and rotaId = ?2", overrideId, rotaId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Override", overrideId));
        Instant now = Instant.now(clock);
        List<Shift> before = upcoming(r, now);
        OverrideView last = overrideView(o, null);
        o.delete();
        o.flush();
        audit.deleted("rota-override", overrideId, null, last);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, upcoming(r, now), false));
    }

    private static OverrideView overrideView(RotaOverride o, Contact p) {
        return new OverrideView(o.id, o.rotaId, o.layer, o.personId, p == null ? null : p.name(), o.startsAt, o.endsAt, o.reason,
                o.createdBy, o.createdAt);
    }

    // ---- leave ------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeaveView> leave(Long personId, Instant from, Instant to) {
        Times.requireRange("to", from, to, MAX_RANGE);
        List<PersonLeave> list = personId == null
                ? PersonLeave.list("endsAt > ?1 and startsAt < ?2 order by startsAt, id", from, to)
                : PersonLeave.list("personId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", personId, from, to);
        Map<Long, Contact> known = people.find(list.stream().map(l -> l.personId).toList());
        return list.stream().map(l -> leaveView(l, known.get(l.personId))).toList();
    }

    public LeaveView addLeave(LeaveInput in) {
        period(in.start(), in.end());
        Map<Long, Contact> found = people.requireExisting(List.of(new People.Wanted("personId", in.personId())));
        Contact person = found.get(in.personId());
        requireLeaveRights(person);
        List<Rota> rotas = rotasOf(in.personId());
        Instant now = Instant.now(clock);
        Map<Long, List<Shift>> before = new LinkedHashMap<>();
        rotas.forEach(r -> before.put(r.id, upcoming(r, now)));
        PersonLeave l = new PersonLeave();
        l.personId = in.personId();
        l.startsAt = in.start();
        l.endsAt = in.end();
        l.reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
        l.createdBy = caller.username();
        l.createdAt = now;
        l.persistAndFlush();
        LeaveView v = leaveView(l, person);
        audit.created("leave", l.id, person.partner(), v);
        rotas.forEach(r -> shiftsChanged.fire(new ShiftsChanged(r.name, before.get(r.id), upcoming(r, now), false)));
        return v;
    }

    public void deleteLeave(long leaveId) {
        PersonLeave l = PersonLeave.<PersonLeave>findByIdOptional(leaveId).orElseThrow(() -> ProblemException.notFound("Leave", leaveId));
        Contact person = people.find(l.personId).orElse(null);
        requireLeaveRights(person);
        List<Rota> rotas = rotasOf(l.personId);
        Instant now = Instant.now(clock);
        Map<Long, List<Shift>> before = new LinkedHashMap<>();
        rotas.forEach(r -> before.put(r.id, upcoming(r, now)));
        LeaveView last = leaveView(l, person);
        l.delete();
        l.flush();
        audit.deleted("leave", leaveId, person == null ? null : person.partner(), last);
        rotas.forEach(r -> shiftsChanged.fire(new ShiftsChanged(r.name, before.get(r.id), upcoming(r, now), false)));
    }

    private static LeaveView leaveView(PersonLeave l, Contact p) {
        return new LeaveView(l.id, l.personId, p == null ? null : p.name(), l.startsAt, l.endsAt, l.reason, l.createdBy, l.createdAt);
    }

    /** Managers record leave for their own partner's people; engineers for themselves; admins for anyone. */
    private void requireLeaveRights(Contact person) {
        if (caller.isAdmin()) {
            return;
        }
        if (person != null && caller.personId().map(id -> id.equals(person.personId())).orElse(false)) {
            return;
        }
        if (!caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only the person themselves, their manager or an admin may record their leave");
        }
        if (person == null || !caller.isOf(person.partner())) {
            throw ProblemException.forbidden("Managers record leave only for people of their own partner");
        }
    }

    private static List<Rota> rotasOf(long personId) {
        return Rota.list("select distinct r from Rota r join r.members m where m.personId = ?1", personId);
    }

    // ---- swaps ------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SwapView> swaps(long rotaId) {
        Rota r = find(rotaId);
        return RotaSwap.<RotaSwap>list("rotaId = ?1 order by id", rotaId).stream().map(s -> swapView(r, s)).toList();
    }

    /** Managers of a covered partner may swap any two periods; a member may swap their own period with another member's. */
    public SwapView addSwap(long rotaId, SwapInput in) {
        Rota r = find(rotaId);
        Layer layer = in.layer() == null ? Layer.PRIMARY : in.layer();
        List<Long> members = r.members(layer);
        if (members.isEmpty()) {
            throw ProblemException.invalid("layer", "the rota has no " + layer + " layer");
        }
        RotaPlan plan = plans.plan(r, in.first(), in.first().plusSeconds(1));
        OutOfHoursCalendar cal = calendar.calendar();
        long a = plan.period(in.first(), cal.zone());
        long b = plan.period(in.second(), cal.zone());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (a < 0) {
            errors.add(new Problem.FieldError("first", "is before the rota's first handoff", in.first().toString()));
        }
        if (b < 0) {
            errors.add(new Problem.FieldError("second", "is before the rota's first handoff", in.second().toString()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (a == b) {
            throw ProblemException.invalid("second", "is in the same rotation period as first");
        }
        long pa = members.get((int) Math.floorMod(a, (long) members.size()));
        long pb = members.get((int) Math.floorMod(b, (long) members.size()));
        if (pa == pb) {
            throw ProblemException.invalid("second", "the same member is scheduled for both periods; there is nothing to swap");
        }
        boolean ownSwap = caller.personId().map(p -> p == pa || p == pb).orElse(false);
        if (!ownSwap) {
            requireEditRights(r.partners);
        }
        Instant now = Instant.now(clock);
        List<Shift> before = upcoming(r, now);
        RotaSwap s = new RotaSwap();
        s.rotaId = rotaId;
        s.layer = layer;
        s.firstAt = in.first();
        s.secondAt = in.second();
        s.reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
        s.createdBy = caller.username();
        s.createdAt = now;
        s.persistAndFlush();
        SwapView v = swapView(r, s);
        audit.created("rota-swap", s.id, null, v);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, upcoming(r, now), false));
        return v;
    }

    public void deleteSwap(long rotaId, long swapId) {
        Rota r = find(rotaId);
        requireEditRights(r.partners);
        RotaSwap s = RotaSwap.<RotaSwap>find("id = ?1 and rotaId = ?2", swapId, rotaId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Swap", swapId));
        Instant now = Instant.now(clock);
        List<Shift> before = upcoming(r, now);
        SwapView last = swapView(r, s);
        s.delete();
        s.flush();
        audit.deleted("rota-swap", swapId, null, last);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, upcoming(r, now), false));
    }

    private SwapView swapView(Rota r, RotaSwap s) {
        List<Long> members = r.members(s.layer);
        Long pa = null;
        Long pb = null;
        if (!members.isEmpty()) {
            RotaPlan plan = plans.plan(r, s.firstAt, s.firstAt.plusSeconds(1));
            OutOfHoursCalendar cal = calendar.calendar();
            long a = plan.period(s.firstAt, cal.zone());
            long b = plan.period(s.secondAt, cal.zone());
            pa = members.get((int) Math.floorMod(a, (long) members.size()));
            pb = members.get((int) Math.floorMod(b, (long) members.size()));
        }
        return new SwapView(s.id, s.rotaId, s.layer, s.firstAt, s.secondAt, pa, pb, s.reason, s.createdBy, s.createdAt);
    }

    // ---- rules and helpers ------------------------------------------------------------------------

    public Rota find(long id) {
        return Rota.<Rota>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Rota", id));
    }

    /** Admins edit any rota; managers edit rotas covering their own partner. */
    void requireEditRights(Collection<String> partners) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only managers of a covered partner (or admins) may change rotas");
        }
        String mine = caller.partner().orElse(null);
        if (mine == null || partners.stream().noneMatch(p -> p.equalsIgnoreCase(mine))) {
            throw ProblemException.forbidden("Managers change only rotas that cover their own partner (" + mine + ")");
        }
    }

    private static void period(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", "must be after start");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.invalid("end", "a period is at most 366 days long");
        }
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
            throw ProblemException.invalid("rotationLength", "must be an ISO-8601 period of days or weeks, such as P7D or P1W");
        }
        if (p.getMonths() != 0 || p.getYears() != 0) {
            throw ProblemException.invalid("rotationLength", "months and years have no fixed length; give days or weeks, such as P28D");
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
                    throw ProblemException.invalid("layers[" + i + "].members[" + j + "]", "is already a member of this layer");
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
                out.add(new People.Wanted("layers[" + i + "].members[" + j + "]", in.get(i).members().get(j)));
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
                layers.add(new LayerView(l, ids.stream().map(id -> {
                    Contact p = known.get(id);
                    return new PersonRef(id, p == null ? null : p.name(), p == null ? null : p.partner());
                }).toList()));
            }
        }
        Instant firstHandoff = r.firstHandoff().atZone(calendar.calendar().zone()).toInstant();
        return new RotaView(r.id, r.name, new java.util.TreeSet<>(r.partners), r.coverage, "P" + r.rotationDays + "D", r.handoffTime, r.handoffDay,
                r.startDate, firstHandoff, layers, r.escalationPolicyId, r.version, r.createdAt, r.updatedAt);
    }
}
