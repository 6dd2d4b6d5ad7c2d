package org.sharedict.rota.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.remote.Lookup;

/**
 * Partner codes a rota or a policy names are skills-service's: a code it does not know would leave
 * a partner silently uncovered (or its managers never paged), so every write naming one checks it.
 */
@ApplicationScoped
public class Partners {

    private final PeopleDirectory directory;

    Partners(PeopleDirectory directory) {
        this.directory = directory;
    }

    /** A partner code that must exist, named by {@code field} in the 400 when it does not. */
    public record Wanted(String field, String code) {}

    /** 400 naming each unknown code, 503 when skills-service cannot answer; call before writing anything. */
    public void requireExisting(Collection<Wanted> wanted) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Wanted w : wanted) {
            if (w.code() == null || known.contains(w.code())) {
                continue;
            }
            Lookup<String> a = directory.partner(w.code());
            switch (a.status()) {
                case KNOWN -> known.add(w.code());
                case NOT_FOUND ->
                    errors.add(new Problem.FieldError(
                            w.field(), "skills-service has no partner with this code", w.code()));
                case UNKNOWN ->
                    throw ProblemException.unavailable("Cannot check partner " + w.code() + " with skills-service: "
                            + a.reason() + "; nothing was changed, try again shortly");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** A partner named in the path: 404 when skills-service has no such partner, 503 when it cannot answer. */
    public void requireKnown(String code) {
        directory.partner(code).requireFound("Partner", code);
    }
}
