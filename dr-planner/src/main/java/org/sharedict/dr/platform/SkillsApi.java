package org.sharedict.dr.platform;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** skills-service as docs/ARCHITECTURE.md describes it; only the fields dr-planner reads. */
@RegisterRestClient(configKey = "skills")
@RegisterProvider(CallerToken.class)
@Path("/api")
interface SkillsApi {

    @GET
    @Path("/skills/{code}")
    SkillView skill(@PathParam("code") String code);

    @GET
    @Path("/experts")
    ExpertPage experts(
            @QueryParam("skill") String skill,
            @QueryParam("partner") String partner,
            @QueryParam("excludePartner") String excludePartner,
            @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SkillView(String code, String name, String category) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExpertPage(List<ExpertView> items, long totalItems) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExpertView(PersonRef person, Double score, List<Matched> matched, Boolean available) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonRef(
            Long id,
            String name,
            String partner,
            String partnerName,
            String jobTitle,
            String email,
            String workPhone,
            String mobile,
            Boolean helpOtherPartners,
            Boolean outOfHours) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Matched(String skill, Integer level, Boolean verified) {}
}
