package org.sharedict.rota.notify;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Numbers each phone's outstanding incidents 1, 2, 3... as GoAlert does, so "2a" names one page
 * among several. The same incident keeps its number for that phone; a resolved incident frees it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SmsReplies {

    static final int MAX = 99;

    private final Clock clock;

    SmsReplies(Clock clock) {
        this.clock = clock;
    }

    /** The incident's number on this phone, given now if it has none; null when 99 are outstanding (no reply codes then). */
    public Integer numberFor(String phone, long incidentId, long personId) {
        Optional<SmsReply> mine = SmsReply.find("phone = ?1 and incidentId = ?2", phone, incidentId)
                .firstResultOptional();
        if (mine.isPresent()) {
            return mine.get().number;
        }
        Set<Integer> used = new HashSet<>();
        SmsReply.<SmsReply>list("phone", phone).forEach(r -> used.add(r.number));
        for (int n = 1; n <= MAX; n++) {
            if (!used.contains(n)) {
                SmsReply r = new SmsReply();
                r.phone = phone;
                r.number = n;
                r.incidentId = incidentId;
                r.personId = personId;
                r.createdAt = Instant.now(clock);
                r.persist();
                return n;
            }
        }
        return null;
    }

    /**
     * {@link #numberFor} in a transaction of its own, tried again when a concurrent delivery to the same
     * phone took the same number first (the unique key refuses the second); null when none could be had.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Integer assign(String phone, long incidentId, long personId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> numberFor(phone, incidentId, personId));
            } catch (RuntimeException e) {
                if (!duplicate(e)) {
                    throw e;
                }
            }
        }
        return null;
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    public Optional<SmsReply> find(String phone, int number) {
        return SmsReply.find("phone = ?1 and number = ?2", phone, number).firstResultOptional();
    }

    public List<SmsReply> outstanding(String phone) {
        return SmsReply.list("phone = ?1 order by number", phone);
    }

    void release(long incidentId) {
        SmsReply.delete("incidentId", incidentId);
    }
}
