package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/** The rules every change to a rota keeps: which rota, who may change it, how long a period and a range may be. */
@ApplicationScoped
public class RotaRules {

    /** The longest from-to range of shifts, overrides and leave one request reads. */
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final Caller caller;

    @Inject
    RotaRules(Caller caller) {
        this.caller = caller;
    }

    static Rota find(long id) {
        return Rota.<Rota>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Rota", id));
    }

    /** Admins edit any rota; managers edit rotas covering their own partner. */
    void requireEditRights(Collection<String> partners) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden("Only managers of a covered partner (or admins) may change rotas");
        }
        String mine = caller.partner().orElse(null);
        if (mine == null || partners.stream().noneMatch(p -> p.equalsIgnoreCase(mine))) {
            throw ProblemException.forbidden("Managers change only rotas that cover their own partner (" + mine + ")");
        }
    }

    static void requirePeriod(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", "must be after start");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.invalid("end", "a period is at most 366 days long");
        }
    }
}
