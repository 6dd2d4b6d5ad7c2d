package org.sharedict.rota.people;

/**
 * A person as rota-service knows them, from its snapshot: enough to name, page and mail them. The
 * snapshot's rows are people's own; every other feature reads these copies.
 *
 * @param email null when skills-service has none
 * @param phone null when skills-service has none
 * @param manager whether skills-service marks them a manager of their partner
 */
public record Contact(long personId, String name, String partner, String email, String phone, boolean manager) {

    static Contact of(PersonSnapshot p) {
        return new Contact(p.personId, p.name, p.partner, p.email, p.phone, p.manager);
    }
}
