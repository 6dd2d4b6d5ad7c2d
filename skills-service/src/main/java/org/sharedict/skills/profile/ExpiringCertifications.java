package org.sharedict.skills.profile;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Certifications running out, for the reminders room: it holds these records, never the entity. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExpiringCertifications {

    public record Expiring(long id, long personId, String name, LocalDate expires) {}

    /** Certifications expiring in [from, to], soonest first. */
    public List<Expiring> between(LocalDate from, LocalDate to) {
        return Certification.<Certification>list("expires between ?1 and ?2 order by expires, id", from, to).stream()
                .map(c -> new Expiring(c.id, c.personId, c.name, c.expires))
                .toList();
    }
}
