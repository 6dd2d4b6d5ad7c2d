package org.sharedict.skills.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * How to reach people, for rooms that write to them (mutual aid): a person by ID, a partner's
 * managers, whether a partner exists. Other rooms hold {@link Contact}, never the entities.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Contacts {

    public record Contact(long id, String partner, String name, String email, boolean manager) {}

    public Optional<Contact> person(long id) {
        return Person.<Person>find("from Person p join fetch p.partner where p.id = ?1", id)
                .firstResultOptional()
                .map(Contacts::of);
    }

    public List<Contact> managers(String partner) {
        return Person.<Person>find(
                        "from Person p join fetch p.partner where p.partner.code = ?1 and p.manager = true order by p.name",
                        partner.toUpperCase())
                .list()
                .stream()
                .map(Contacts::of)
                .toList();
    }

    /** A person whose profile was last confirmed before {@code before} (or never), with that date. */
    public record Unconfirmed(Contact person, LocalDate lastConfirmed) {}

    public List<Unconfirmed> unconfirmedSince(LocalDate before) {
        return Person.<Person>find(
                        "from Person p join fetch p.partner where p.lastConfirmed is null or p.lastConfirmed < ?1 order by p.id",
                        before)
                .list()
                .stream()
                .map(p -> new Unconfirmed(of(p), p.lastConfirmed))
                .toList();
    }

    public boolean partnerExists(String code) {
        return Partner.findByCode(code).isPresent();
    }

    private static Contact of(Person p) {
        return new Contact(p.id, p.partner.code, p.name, p.email, p.manager);
    }
}
