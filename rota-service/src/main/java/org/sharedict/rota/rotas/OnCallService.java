package org.sharedict.rota.rotas;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Names;
import org.sharedict.rota.people.People;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.Reason;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/**
 * Who is on call for a partner at an instant: the first rota (lowest ID) covering the partner that
 * has someone on its primary layer then, with that rota's secondary. Names and contact details
 * come from the local snapshot, so the answer needs no other service.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OnCallService {

    private final RotaPlans plans;
    private final CalendarService calendar;
    private final People people;

    OnCallService(RotaPlans plans, CalendarService calendar, People people) {
        this.plans = plans;
        this.calendar = calendar;
        this.people = people;
    }

    /** Names and contact details are null for someone the local snapshot does not know. */
    public record OnCallPerson(
            long personId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String partner,
            @Schema(nullable = true) String phone,
            @Schema(nullable = true) String email,
            long rotaId,
            String rotaName,
            Layer layer,
            Reason reason,
            Instant shiftStart,
            Instant shiftEnd,
            long scheduledPersonId,
            @Schema(nullable = true) String note) {}

    /** {@code primary} and {@code secondary} are null when nobody holds that layer then. */
    public record OnCall(
            String partner,
            Instant at,
            boolean covered,
            @Schema(nullable = true) OnCallPerson primary,
            @Schema(nullable = true) OnCallPerson secondary) {}

    public OnCall lookup(String partner, Instant at) {
        OutOfHoursCalendar cal = calendar.calendar();
        for (RotaPlans.Skeleton r : plans.covering(partner)) {
            RotaPlan plan = plans.plan(r, at, at);
            Optional<Shift> primary = Expander.at(plan, cal, Layer.PRIMARY, at);
            if (primary.isPresent()) {
                Optional<Shift> secondary = Expander.at(plan, cal, Layer.SECONDARY, at);
                Set<Long> ids = new HashSet<>();
                primary.ifPresent(x -> ids.addAll(mentioned(x)));
                secondary.ifPresent(x -> ids.addAll(mentioned(x)));
                Map<Long, Contact> known = people.find(ids);
                return new OnCall(
                        partner,
                        at,
                        true,
                        person(r.id(), r.name(), primary.get(), known),
                        secondary.map(s -> person(r.id(), r.name(), s, known)).orElse(null));
            }
        }
        return new OnCall(partner, at, false, null, null);
    }

    /** Who holds {@code layer} of one rota at {@code at}, if anyone. */
    public Optional<Shift> holder(RotaPlans.Skeleton r, Layer layer, Instant at) {
        return Expander.at(plans.plan(r, at, at), calendar.calendar(), layer, at);
    }

    private static OnCallPerson person(long rotaId, String rotaName, Shift s, Map<Long, Contact> known) {
        Contact p = known.get(s.personId());
        return new OnCallPerson(
                s.personId(),
                p == null ? null : p.name(),
                p == null ? null : p.partner(),
                p == null ? null : p.phone(),
                p == null ? null : p.email(),
                rotaId,
                rotaName,
                s.layer(),
                s.reason(),
                s.start(),
                s.end(),
                s.scheduledPersonId(),
                Names.named(s.note(), known));
    }

    private static Set<Long> mentioned(Shift s) {
        Set<Long> ids = new HashSet<>(List.of(s.personId(), s.scheduledPersonId()));
        ids.addAll(Names.mentioned(s.note()));
        return ids;
    }
}
