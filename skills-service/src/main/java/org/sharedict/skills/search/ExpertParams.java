package org.sharedict.skills.search;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of {@code GET /api/experts} as they arrive; {@link ExpertQuery#parse} reads
 * them once into the typed search. The constraints here also document the parameters in OpenAPI.
 */
public class ExpertParams {

    /** Skill codes, names or aliases; small typos are tolerated. */
    @QueryParam("skill")
    @Size(max = 10, message = "at most 10 skills per search")
    public List<String> skill;

    @QueryParam("minLevel")
    @DefaultValue("1")
    @Min(value = 1, message = "must be 1 to 5")
    @Max(value = 5, message = "must be 1 to 5")
    public int minLevel;

    /** all (default): every requested skill; any: at least one. */
    @QueryParam("match")
    @DefaultValue("all")
    public String match;

    @QueryParam("partner")
    public List<String> partner;

    @QueryParam("excludePartner")
    public List<String> excludePartner;

    /** true: only people offering help to other partners and not away today. */
    @QueryParam("available")
    public String available;

    /** true: only people willing to work out of hours. */
    @QueryParam("outOfHours")
    public String outOfHours;

    /** Free text: every word must appear in the name, job title, team, site or a held skill's name or alias. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;
}
