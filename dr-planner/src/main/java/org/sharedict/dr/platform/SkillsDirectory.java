package org.sharedict.dr.platform;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.sharedict.platform.remote.Lookup;

/**
 * What dr-planner asks skills-service: who holds a skill at a partner (and elsewhere). Calls are
 * bounded in time and stop for a while when the service keeps failing; then the answer is a clear
 * "unknown", never an error, so a DR lead still gets the rest of the analysis.
 */
@ApplicationScoped
public class SkillsDirectory {

    public record Holders(long total, List<Candidate> people) {}

    public record Candidate(
            @Schema(nullable = true) Long personId,
            String name,
            String partner,
            @Schema(nullable = true) String partnerName,
            @Schema(nullable = true) String jobTitle,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String workPhone,
            @Schema(nullable = true) String mobile,
            @Schema(nullable = true) Integer level,
            @Schema(nullable = true) Boolean verified,
            @Schema(nullable = true) Boolean available,
            @Schema(nullable = true) Boolean helpOtherPartners,
            @Schema(nullable = true) Boolean outOfHours) {}

    private final SkillsApi api;

    SkillsDirectory(@RestClient SkillsApi api) {
        this.api = api;
    }

    /** People at {@code partner} (or, with {@code others}, at every partner but it) holding {@code skill}, best first. */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "holdersUnknown")
    public Lookup<Holders> holders(String skill, String partner, boolean others, int size) {
        try {
            SkillsApi.ExpertPage page =
                    others ? api.experts(skill, null, partner, size) : api.experts(skill, partner, null, size);
            List<Candidate> people = page.items() == null
                    ? List.of()
                    : page.items().stream().map(SkillsDirectory::candidate).toList();
            return Lookup.known(new Holders(page.totalItems(), people));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound("skills-service does not know the skill " + skill);
            }
            throw e;
        }
    }

    Lookup<Holders> holdersUnknown(String skill, String partner, boolean others, int size, Throwable cause) {
        Log.debugf("skills-service could not say who holds %s: %s", skill, cause.toString());
        return Lookup.unanswered("skills-service", cause);
    }

    /** The skill with this code, or NOT_FOUND when skills-service has no such code (a typo in the plan). */
    @Timeout
    @CircuitBreaker
    @Fallback(fallbackMethod = "skillUnknown")
    public Lookup<String> skillName(String code) {
        try {
            return Lookup.known(api.skill(code).name());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Lookup.notFound(
                        "skills-service has no skill with the code " + code + "; check the step's skill");
            }
            throw e;
        }
    }

    Lookup<String> skillUnknown(String code, Throwable cause) {
        return Lookup.unanswered("skills-service", cause);
    }

    private static Candidate candidate(SkillsApi.ExpertView e) {
        SkillsApi.PersonRef p = e.person() == null
                ? new SkillsApi.PersonRef(null, null, null, null, null, null, null, null, null, null)
                : e.person();
        SkillsApi.Matched m = e.matched() == null || e.matched().isEmpty()
                ? null
                : e.matched().get(0);
        return new Candidate(
                p.id(),
                p.name(),
                p.partner(),
                p.partnerName(),
                p.jobTitle(),
                p.email(),
                p.workPhone(),
                p.mobile(),
                m == null ? null : m.level(),
                m == null ? null : m.verified(),
                e.available(),
                p.helpOtherPartners(),
                p.outOfHours());
    }
}
