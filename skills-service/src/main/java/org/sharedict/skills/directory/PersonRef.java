package org.sharedict.skills.directory;

/**
 * A person as another room needs to know them: who (the ID) and whose staff (the partner's code),
 * which is all that the rights to change their profile depend on. Other rooms hold this, never
 * the {@link Person} entity.
 */
public record PersonRef(long id, String partner) {

    static PersonRef of(Person p) {
        return new PersonRef(p.id, p.partner.code);
    }
}
