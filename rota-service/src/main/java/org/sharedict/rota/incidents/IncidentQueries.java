package org.sharedict.rota.incidents;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.incidents.IncidentDtos.DeliveryView;
import org.sharedict.rota.incidents.IncidentDtos.EventView;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;

/** Reading incidents: the list, one incident with its timeline and call-outs, and what it sent to whom. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class IncidentQueries {

    /** Enums sort by rank (severity: LOW to CRITICAL, so -severity is most severe first; status: lifecycle order), not by name. */
    private static final Map<String, String> SORTS =
            Map.of("createdAt", "createdAt", "severity", "severityRank", "status", "statusRank", "partner", "partner");

    private final CallOuts callOuts;
    private final Outbox outbox;
    private final People people;

    IncidentQueries(CallOuts callOuts, Outbox outbox, People people) {
        this.callOuts = callOuts;
        this.outbox = outbox;
        this.people = people;
    }

    Optional<IncidentView> get(long id) {
        return Incident.<Incident>findByIdOptional(id).map(this::view);
    }

    Page<IncidentView> list(PageRequest page, String partner, Incident.Status status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partner != null) {
            where.append(" and partner = :partner");
            params.and("partner", partner);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return Page.of(
                Incident.<Incident>find(where.toString(), page.toSort(SORTS, "-createdAt", "id"), params.map()),
                page,
                i -> IncidentView.of(i, null));
    }

    IncidentView view(Incident i) {
        List<EventView> events = IncidentEvent.<IncidentEvent>list("incidentId = ?1 order by id", i.id).stream()
                .map(EventView::of)
                .toList();
        return IncidentView.of(i, events, callOuts.views(i.id));
    }

    /** Every message the incident sent or will send, per method, with who it was for. */
    List<DeliveryView> deliveries(long id) {
        if (Incident.count("id", id) == 0) {
            throw ProblemException.notFound("Incident", id);
        }
        List<Outbox.Delivery> all = outbox.deliveries(id);
        Set<Long> ids = new HashSet<>();
        all.forEach(d -> {
            if (d.personId() != null) {
                ids.add(d.personId());
            }
        });
        Map<Long, Contact> known = people.find(ids);
        return all.stream()
                .map(d -> new DeliveryView(
                        d.id(),
                        d.personId(),
                        d.personId() == null || !known.containsKey(d.personId())
                                ? null
                                : known.get(d.personId()).name(),
                        d.step(),
                        d.channel(),
                        d.address(),
                        d.status(),
                        d.attempts(),
                        d.createdAt(),
                        d.dueAt(),
                        d.sentAt(),
                        d.receipt(),
                        d.lastError()))
                .toList();
    }
}
