package org.sharedict.rota.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;

/**
 * People as rota-service knows them. Adding someone to a rota or a policy checks with
 * skills-service that they exist and refreshes the local snapshot; paging and feeds read only the
 * snapshot, so they keep working when skills-service is down.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class People {

    private final PeopleDirectory directory;
    private final Clock clock;
    private final Instance<ManagersWanted> managersWanted;

    People(PeopleDirectory directory, Clock clock, Instance<ManagersWanted> managersWanted) {
        this.directory = directory;
        this.clock = clock;
        this.managersWanted = managersWanted;
    }

    /** A person that must exist, named by {@code field} in the 400 when they do not. */
    public record Wanted(String field, long personId) {}

    /**
     * Checks every wanted person with skills-service and refreshes their snapshots: 400 naming each
     * unknown one, 503 when skills-service cannot answer (nothing is written then).
     */
    public Map<Long, Contact> requireExisting(Collection<Wanted> wanted) {
        Map<Long, Contact> found = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Wanted w : wanted) {
            if (found.containsKey(w.personId())) {
                continue;
            }
            Lookup<PeopleDirectory.Person> a = directory.person(w.personId());
            switch (a.status()) {
                case KNOWN -> found.put(w.personId(), Contact.of(store(a.value())));
                case NOT_FOUND ->
                    errors.add(new Problem.FieldError(
                            w.field(), "skills-service has no person with this ID", w.personId()));
                case UNKNOWN ->
                    throw ProblemException.unavailable("Cannot check person " + w.personId() + " with skills-service: "
                            + a.reason() + "; nothing was changed, try again shortly");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return found;
    }

    /**
     * A person the caller names in a path: the snapshot when rota-service has one, else checked with
     * skills-service (and remembered); 404 when neither knows them, 503 when skills-service cannot answer.
     */
    public Contact require(long personId) {
        Optional<Contact> known = find(personId);
        if (known.isPresent()) {
            return known.get();
        }
        if (personId <= 0) {
            throw ProblemException.notFound("Person", personId);
        }
        return Contact.of(store(directory.person(personId).requireFound("Person", personId)));
    }

    /** Refreshes a partner's managers from skills-service; false (and the snapshot kept) when it cannot answer. */
    public boolean refreshManagers(String partner) {
        Lookup<List<PeopleDirectory.Person>> a = directory.managers(partner);
        if (a.status() != Lookup.Status.KNOWN) {
            return false;
        }
        PersonSnapshot.update("manager = false where partner = ?1 and manager = true", partner);
        for (PeopleDirectory.Person p : a.value()) {
            store(p);
        }
        return true;
    }

    public record Refresh(int known, int refreshed) {}

    public Refresh refreshAllAnswer() {
        long known = PersonSnapshot.count();
        int refreshed = refreshAll();
        if (known > 0 && refreshed == 0) {
            throw ProblemException.unavailable(
                    "skills-service did not answer for any of the " + known + " people; the snapshot is unchanged");
        }
        return new Refresh((int) known, refreshed);
    }

    /** Refreshes every known person, and the managers of every partner with people or a default policy here. */
    public int refreshAll() {
        int refreshed = 0;
        Set<String> partners = new LinkedHashSet<>(PersonSnapshot.getEntityManager()
                .createQuery("select distinct p.partner from PersonSnapshot p", String.class)
                .getResultList());
        managersWanted.forEach(w -> partners.addAll(w.partners()));
        for (String partner : partners) {
            refreshManagers(partner);
        }
        List<Long> ids = PersonSnapshot.<PersonSnapshot>listAll().stream()
                .map(p -> p.personId)
                .toList();
        for (Long id : ids) {
            Lookup<PeopleDirectory.Person> a = directory.person(id);
            if (a.status() == Lookup.Status.KNOWN) {
                store(a.value());
                refreshed++;
            }
        }
        return refreshed;
    }

    /**
     * Makes sure rota-service knows these people, asking skills-service for any it does not; best
     * effort: one skills-service does not know, or cannot answer for, stays unknown (and a page to
     * them says so on the incident's timeline).
     */
    public void learn(Collection<Long> ids) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        missing.removeAll(find(ids).keySet());
        for (Long id : missing) {
            Lookup<PeopleDirectory.Person> a = directory.person(id);
            if (a.status() == Lookup.Status.KNOWN) {
                store(a.value());
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Contact> find(long personId) {
        return PersonSnapshot.<PersonSnapshot>findByIdOptional(personId).map(Contact::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Contact> find(Collection<Long> ids) {
        Map<Long, Contact> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (PersonSnapshot p : PersonSnapshot.<PersonSnapshot>list("personId in ?1", List.copyOf(ids))) {
            out.put(p.personId, Contact.of(p));
        }
        return out;
    }

    /** The partners with a manager in the snapshot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> partnersWithManagers() {
        return PersonSnapshot.getEntityManager()
                .createQuery(
                        "select distinct p.partner from PersonSnapshot p where p.manager = true and p.partner is not null",
                        String.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> managersOf(String partner) {
        return PersonSnapshot.<PersonSnapshot>list("partner = ?1 and manager = true order by personId", partner)
                .stream()
                .map(Contact::of)
                .toList();
    }

    private PersonSnapshot store(PeopleDirectory.Person p) {
        PersonSnapshot s = PersonSnapshot.findById(p.id());
        if (s == null) {
            s = new PersonSnapshot();
            s.personId = p.id();
            s.name = p.name();
            s.partner = p.partner();
            s.email = p.email();
            s.phone = p.phone();
            s.manager = p.manager();
            s.refreshedAt = Instant.now(clock);
            s.persist();
            return s;
        }
        s.name = p.name();
        s.partner = p.partner();
        s.email = p.email();
        s.phone = p.phone();
        s.manager = p.manager();
        s.refreshedAt = Instant.now(clock);
        return s;
    }
}
