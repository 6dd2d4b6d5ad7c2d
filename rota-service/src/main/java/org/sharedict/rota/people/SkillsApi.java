package org.sharedict.rota.people;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** skills-service's partners and people, as docs/ARCHITECTURE.md describes them; only the fields rota-service reads. */
@RegisterRestClient(configKey = "skills")
@RegisterProvider(CallerToken.class)
@Path("/api")
interface SkillsApi {

    @GET
    @Path("/partners/{code}")
    PartnerView partner(@PathParam("code") String code);

    @GET
    @Path("/people/{id}")
    PersonView person(@PathParam("id") long id);

    @GET
    @Path("/people")
    PersonPage people(
            @QueryParam("partner") String partner,
            @QueryParam("manager") Boolean manager,
            @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerView(String code, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonView(
            long id,
            String partner,
            String name,
            String email,
            String workPhone,
            String mobile,
            boolean manager,
            Boolean outOfHours) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonPage(List<PersonView> items, long totalItems) {}
}
