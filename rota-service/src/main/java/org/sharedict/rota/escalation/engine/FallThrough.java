package org.sharedict.rota.escalation.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.rota.escalation.engine.TimelineLine.Kind;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;

/**
 * A step meant for people that reached nobody (an empty layer, everyone on leave, a target that
 * names no one, nobody with a contact address) falls through to the incident partner's managers,
 * and the timeline says why in one {@code FELL_THROUGH} line. A webhook is not a person who can
 * acknowledge, so it does not stop the fall-through.
 */
@ApplicationScoped
class FallThrough {

    private final People people;
    private final PersonPages pages;

    @Inject
    FallThrough(People people, PersonPages pages) {
        this.people = people;
        this.pages = pages;
    }

    /**
     * Pages the partner's managers the step has not tried already; {@code why} are the step's
     * reasons for finding nobody. Answers how many messages were queued.
     */
    int page(EscalatedIncident i, Set<Long> tried, List<String> why, int step, int pass, List<TimelineLine> lines) {
        String reasons = why.isEmpty() ? "nobody could be paged" : String.join("; ", why);
        Set<Long> managers = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Contact m : people.managersOf(i.partner())) {
            if (!tried.contains(m.personId())) {
                managers.add(m.personId());
                names.add(m.name());
            }
        }
        if (managers.isEmpty()) {
            lines.add(TimelineLine.of(
                    Kind.FELL_THROUGH,
                    reasons + "; rota-service knows no other manager of " + i.partner()
                            + " to page either, so nobody was paged at this step",
                    step + 1,
                    pass + 1));
            return 0;
        }
        lines.add(TimelineLine.of(
                Kind.FELL_THROUGH,
                reasons + "; paged the partner's managers " + String.join(", ", names),
                step + 1,
                pass + 1));
        Map<Long, Contact> known = people.find(managers);
        return pages.page(i, managers, known, step, pass, lines);
    }
}
