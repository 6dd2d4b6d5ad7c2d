package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.SwapRequestDtos.Action;
import org.sharedict.rota.rotas.SwapRequestDtos.Side;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestInput;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestView;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/**
 * Shift swaps by consent: a member asks the member scheduled for another period to exchange; the
 * other accepts or declines (in the app or from the signed links in the e-mail), the asker may
 * cancel while it is pending, and a request still pending when the first of its shifts starts is
 * expired. A manager of a covered partner may impose it instead. Only an accepted or imposed
 * request makes a swap, so only then does anyone's cover change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SwapRequests {

    /** Who acts on a request: the signed-in caller, or the person a signed link was made for. */
    public record Actor(Long personId, String name, boolean byLink) {}

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final CalendarService calendar;
    private final RotaRules rules;
    private final SwapService swaps;
    private final People people;
    private final Event<SwapRequestChanged> changed;

    @Inject
    SwapRequests(
            Caller caller,
            Auditor audit,
            Clock clock,
            CalendarService calendar,
            RotaRules rules,
            SwapService swaps,
            People people,
            Event<SwapRequestChanged> changed) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
        this.rules = rules;
        this.swaps = swaps;
        this.people = people;
        this.changed = changed;
    }

    public SwapRequestView ask(SwapRequestInput in) {
        Rota r = Rota.<Rota>findByIdOptional(in.rotaId())
                .orElseThrow(() -> ProblemException.invalid("rotaId", "no rota has this ID"));
        Layer layer = in.layer() == null ? Layer.PRIMARY : in.layer();
        Long me = caller.personId()
                .orElseThrow(() -> ProblemException.forbidden(
                        "Only a rota member signed in as themselves asks for a swap; managers impose one"));
        SwapService.Periods p = swaps.periods(r, layer, in.first(), in.second());
        if (p.firstPerson() != me) {
            throw ProblemException.invalid("first", "is not a period you are scheduled for");
        }
        Instant now = Instant.now(clock);
        Instant expires = expiry(r, layer, p);
        if (!now.isBefore(expires)) {
            throw ProblemException.invalid(
                    shiftStart(r, layer, p.first()).isAfter(now) ? "second" : "first",
                    "the shift has already started; only a manager changes a shift that has begun");
        }
        boolean asked = SwapRequest.count(
                        "rotaId = ?1 and layer = ?2 and requesterId = ?3 and firstAt = ?4 and secondAt = ?5"
                                + " and status = ?6",
                        r.id,
                        layer,
                        me,
                        in.first(),
                        in.second(),
                        SwapRequest.Status.PENDING)
                > 0;
        if (asked) {
            throw ProblemException.conflict("You have already asked for this swap; it is pending");
        }
        SwapRequest s = new SwapRequest();
        s.rotaId = r.id;
        s.layer = layer;
        s.requesterId = me;
        s.firstAt = in.first();
        s.responderId = p.secondPerson();
        s.secondAt = in.second();
        s.reason = in.reason() == null || in.reason().isBlank()
                ? null
                : in.reason().trim();
        s.status = SwapRequest.Status.PENDING;
        s.expiresAt = expires;
        s.createdBy = caller.username();
        s.createdAt = now;
        s.persistAndFlush();
        SwapRequestView v = view(r, s, now);
        audit.created("swap-request", s.id, null, v);
        changed.fire(new SwapRequestChanged(s.id, s.status, caller.username()));
        return v;
    }

    /** The requests the caller asked or is asked, and those on rotas they manage (admins: all), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SwapRequestView> list(SwapRequest.Status status) {
        Instant now = Instant.now(clock);
        List<SwapRequestView> out = new ArrayList<>();
        for (SwapRequest s : SwapRequest.<SwapRequest>list("order by createdAt desc, id desc")) {
            if (status != null && s.statusAt(now) != status) {
                continue;
            }
            Rota r = Rota.findById(s.rotaId);
            if (r != null && maySee(r, s)) {
                out.add(view(r, s, now));
            }
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SwapRequestView get(long id) {
        SwapRequest s = SwapRequest.<SwapRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Swap request", id));
        Rota r = RotaRules.find(s.rotaId);
        if (!maySee(r, s)) {
            throw ProblemException.notFound("Swap request", id);
        }
        return view(r, s, Instant.now(clock));
    }

    /** The request as a signed link's page shows it, to the person the link was made for; empty when it is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SwapRequestView> forLink(long id) {
        return SwapRequest.<SwapRequest>findByIdOptional(id)
                .flatMap(s -> Rota.<Rota>findByIdOptional(s.rotaId).map(r -> view(r, s, Instant.now(clock))));
    }

    /** The signed-in caller accepts, declines, cancels or imposes; 403 when it is not theirs to do, 409 when it is no longer pending. */
    public SwapRequestView act(long id, Action action) {
        String name = caller.personId().flatMap(people::find).map(Contact::name).orElse(caller.username());
        return act(id, action, new Actor(caller.personId().orElse(null), name, false));
    }

    /** The person a signed link was made for accepts or declines, as the responder. */
    public SwapRequestView actByLink(long id, Action action, long personId, String name) {
        return act(id, action, new Actor(personId, name, true));
    }

    private SwapRequestView act(long id, Action action, Actor actor) {
        SwapRequest s = SwapRequest.<SwapRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Swap request", id));
        Rota r = RotaRules.find(s.rotaId);
        if (!actor.byLink() && !maySee(r, s)) {
            throw ProblemException.notFound("Swap request", id);
        }
        Instant now = Instant.now(clock);
        switch (action) {
            case ACCEPT, DECLINE -> requirePerson(actor, s.responderId, "Only the member asked accepts or declines");
            case CANCEL -> requirePerson(actor, s.requesterId, "Only the member who asked cancels the request");
            case IMPOSE -> rules.requireEditRights(r.partners);
        }
        SwapRequest.Status current = s.statusAt(now);
        if (current == SwapRequest.Status.EXPIRED) {
            throw ProblemException.conflict("The request expired when the first of its shifts started (" + s.expiresAt
                    + "); nothing was changed");
        }
        if (current != SwapRequest.Status.PENDING) {
            throw ProblemException.conflict(
                    "The request is already " + current.name().toLowerCase()
                            + (s.decidedBy == null ? "" : " by " + s.decidedBy) + "; nothing was changed");
        }
        String by = actor.byLink() ? actor.name() + " (from the e-mail link)" : caller.username();
        if (action == Action.ACCEPT || action == Action.IMPOSE) {
            SwapService.Periods p = swaps.periods(r, s.layer, s.firstAt, s.secondAt);
            if (p.firstPerson() != s.requesterId || p.secondPerson() != s.responderId) {
                throw ProblemException.conflict("The rota changed since the request: the two periods are no longer"
                        + " scheduled for the same two members; nothing was changed");
            }
            RotaDtos.SwapView made = swaps.make(
                    r,
                    s.layer,
                    s.firstAt,
                    s.secondAt,
                    s.reason,
                    action == Action.ACCEPT ? RotaSwap.Origin.AGREED : RotaSwap.Origin.IMPOSED,
                    s.id,
                    by);
            s.swapId = made.id();
        }
        s.status = switch (action) {
            case ACCEPT -> SwapRequest.Status.ACCEPTED;
            case DECLINE -> SwapRequest.Status.DECLINED;
            case CANCEL -> SwapRequest.Status.CANCELLED;
            case IMPOSE -> SwapRequest.Status.IMPOSED;
        };
        s.decidedBy = by;
        s.decidedAt = now;
        s.flush();
        audit.record(
                s.status.name(),
                "swap-request",
                s.id,
                null,
                Map.of("status", s.status.name(), "decidedBy", s.decidedBy, "swapId", String.valueOf(s.swapId)));
        changed.fire(new SwapRequestChanged(s.id, s.status, s.decidedBy));
        return view(r, s, now);
    }

    private static void requirePerson(Actor actor, long personId, String message) {
        if (actor.personId() == null || actor.personId() != personId) {
            throw ProblemException.forbidden(message);
        }
    }

    private boolean maySee(Rota r, SwapRequest s) {
        Long me = caller.personId().orElse(null);
        return (me != null && (me == s.requesterId || me == s.responderId)) || manages(r);
    }

    private boolean manages(Rota r) {
        if (caller.isAdmin()) {
            return true;
        }
        String mine = caller.partner().orElse(null);
        return caller.hasRole(Roles.MANAGER)
                && mine != null
                && r.partners.stream().anyMatch(mine::equalsIgnoreCase);
    }

    private List<Action> actions(Rota r, SwapRequest s, Instant now) {
        if (s.statusAt(now) != SwapRequest.Status.PENDING) {
            return List.of();
        }
        List<Action> out = new ArrayList<>();
        Long me = caller.personId().orElse(null);
        if (me != null && me == s.responderId) {
            out.add(Action.ACCEPT);
            out.add(Action.DECLINE);
        }
        if (me != null && me == s.requesterId) {
            out.add(Action.CANCEL);
        }
        if (manages(r)) {
            out.add(Action.IMPOSE);
        }
        return out;
    }

    /** When the first of the two shifts starts (a period's first covered moment). */
    private Instant expiry(Rota r, Layer layer, SwapService.Periods p) {
        Instant a = shiftStart(r, layer, p.first());
        Instant b = shiftStart(r, layer, p.second());
        return a.isBefore(b) ? a : b;
    }

    private Instant shiftStart(Rota r, Layer layer, long period) {
        OutOfHoursCalendar cal = calendar.calendar();
        RotaPlan bare = bare(r);
        ZoneId zone = cal.zone();
        Instant from = bare.handoff(period, zone);
        Instant to = bare.handoff(period + 1, zone);
        return Expander.shifts(bare, cal, layer, from, to).stream()
                .map(Shift::start)
                .findFirst()
                .orElse(from);
    }

    /** The rotation alone: which periods there are and when shifts start does not depend on who holds them. */
    private static RotaPlan bare(Rota r) {
        RotaPlans.Skeleton sk = RotaPlans.skeleton(r);
        return new RotaPlan(
                sk.id(),
                sk.name(),
                sk.coverage(),
                sk.firstHandoff(),
                sk.rotationDays(),
                sk.members(),
                List.of(),
                List.of(),
                List.of());
    }

    private Side side(Rota r, long personId, Instant at, Map<Long, Contact> known) {
        RotaPlan bare = bare(r);
        ZoneId zone = calendar.calendar().zone();
        long k = bare.period(at, zone);
        Contact c = known.get(personId);
        return new Side(personId, c == null ? null : c.name(), at, bare.handoff(k, zone), bare.handoff(k + 1, zone));
    }

    SwapRequestView view(Rota r, SwapRequest s, Instant now) {
        Map<Long, Contact> known = people.find(List.of(s.requesterId, s.responderId));
        return new SwapRequestView(
                s.id,
                s.rotaId,
                r.name,
                s.layer,
                side(r, s.requesterId, s.firstAt, known),
                side(r, s.responderId, s.secondAt, known),
                s.reason,
                s.statusAt(now),
                s.expiresAt,
                s.createdBy,
                s.createdAt,
                s.decidedBy,
                s.decidedAt,
                s.swapId,
                actions(r, s, now));
    }
}
