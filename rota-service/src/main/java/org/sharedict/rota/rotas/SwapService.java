package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.rotas.RotaDtos.SwapInput;
import org.sharedict.rota.rotas.RotaDtos.SwapView;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/** Swaps: the members scheduled for two rotation periods of a layer exchange them (agreed or imposed); the people whose shifts move are told. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SwapService {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final RotaPlans plans;
    private final CalendarService calendar;
    private final RotaRules rules;
    private final ShiftService shifts;
    private final Event<ShiftsChanged> shiftsChanged;

    @Inject
    SwapService(
            Caller caller,
            Auditor audit,
            Clock clock,
            RotaPlans plans,
            CalendarService calendar,
            RotaRules rules,
            ShiftService shifts,
            Event<ShiftsChanged> shiftsChanged) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.plans = plans;
        this.calendar = calendar;
        this.rules = rules;
        this.shifts = shifts;
        this.shiftsChanged = shiftsChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SwapView> swaps(long rotaId) {
        Rota r = RotaRules.find(rotaId);
        return RotaSwap.<RotaSwap>list("rotaId = ?1 order by id", rotaId).stream()
                .map(s -> swapView(r, s))
                .toList();
    }

    /**
     * A manager of a covered partner imposes a swap of any two periods (recorded as IMPOSED, by whom
     * and when). Members do not swap alone any more: they ask ({@link SwapRequests}).
     */
    public SwapView addSwap(long rotaId, SwapInput in) {
        Rota r = RotaRules.find(rotaId);
        Layer layer = in.layer() == null ? Layer.PRIMARY : in.layer();
        periods(r, layer, in.first(), in.second());
        if (!caller.hasRole(Roles.MANAGER) && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only managers of a covered partner (or admins) impose a swap;"
                    + " a member asks the other member with POST /api/rotas/swap-requests");
        }
        rules.requireEditRights(r.partners);
        return make(r, layer, in.first(), in.second(), in.reason(), RotaSwap.Origin.IMPOSED, null, caller.username());
    }

    /** The scheduled members of the periods holding {@code first} and {@code second}: 400 naming the field when they cannot swap. */
    record Periods(long first, long second, long firstPerson, long secondPerson) {}

    Periods periods(Rota r, Layer layer, Instant first, Instant second) {
        List<Long> members = r.members(layer);
        if (members.isEmpty()) {
            throw ProblemException.invalid("layer", "the rota has no " + layer + " layer");
        }
        RotaPlan plan = plans.plan(r, first, first.plusSeconds(1));
        OutOfHoursCalendar cal = calendar.calendar();
        long a = plan.period(first, cal.zone());
        long b = plan.period(second, cal.zone());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (a < 0) {
            errors.add(new Problem.FieldError("first", "is before the rota's first handoff", first.toString()));
        }
        if (b < 0) {
            errors.add(new Problem.FieldError("second", "is before the rota's first handoff", second.toString()));
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
            throw ProblemException.invalid(
                    "second", "the same member is scheduled for both periods; there is nothing to swap");
        }
        return new Periods(a, b, pa, pb);
    }

    /** Makes the swap (an accepted or imposed request's, or a manager's own), tells the people whose shifts move. */
    SwapView make(
            Rota r,
            Layer layer,
            Instant first,
            Instant second,
            String reason,
            RotaSwap.Origin origin,
            Long requestId,
            String by) {
        Instant now = Instant.now(clock);
        List<Shift> before = shifts.upcoming(r, now);
        RotaSwap s = new RotaSwap();
        s.rotaId = r.id;
        s.layer = layer;
        s.firstAt = first;
        s.secondAt = second;
        s.reason = reason == null || reason.isBlank() ? null : reason.trim();
        s.createdBy = by;
        s.createdAt = now;
        s.origin = origin;
        s.requestId = requestId;
        s.persistAndFlush();
        SwapView v = swapView(r, s);
        audit.created("rota-swap", s.id, null, v);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, shifts.upcoming(r, now), false));
        return v;
    }

    public void deleteSwap(long rotaId, long swapId) {
        Rota r = RotaRules.find(rotaId);
        rules.requireEditRights(r.partners);
        RotaSwap s = RotaSwap.<RotaSwap>find("id = ?1 and rotaId = ?2", swapId, rotaId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Swap", swapId));
        Instant now = Instant.now(clock);
        List<Shift> before = shifts.upcoming(r, now);
        SwapView last = swapView(r, s);
        s.delete();
        s.flush();
        audit.deleted("rota-swap", swapId, null, last);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, shifts.upcoming(r, now), false));
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
        boolean imposed = s.origin == RotaSwap.Origin.IMPOSED;
        return new SwapView(
                s.id,
                s.rotaId,
                s.layer,
                s.firstAt,
                s.secondAt,
                pa,
                pb,
                s.reason,
                s.createdBy,
                s.createdAt,
                s.origin,
                s.requestId,
                imposed ? s.createdBy : null,
                imposed ? s.createdAt : null);
    }
}
