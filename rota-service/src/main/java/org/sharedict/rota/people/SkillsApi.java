package org.sharedict.rota.people;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** skills-service's partners and people, as docs/ARCHITECTURE.md describes them; only the fields rota-service reads. */
@RegisterRestClient(configKey = "skills")
@Path("/api")
interface SkillsApi {

    @GET
    @Path("/partners/{code}")
    PartnerView partner(@PathParam("code") String code, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/people/{id}")
    PersonView person(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/people")
    PersonPage people(@QueryParam("partner") String partner, @QueryParam("manager") Boolean manager, @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerView(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonView(long id, String partner, String name, String email, String workPhone, String mobile, boolean manager,
            Boolean outOfHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonPage(List<PersonView> items, long totalItems) {
    }
}
