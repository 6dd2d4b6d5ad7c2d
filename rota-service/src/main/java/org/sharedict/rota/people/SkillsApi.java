package org.sharedict.rota.people;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** skills-service owns leave: every period ending after {@code from}. */
    @GET
    @Path("/people/leave")
    List<LeaveView> leave(@QueryParam("from") String from);

    @POST
    @Path("/people/{id}/leave")
    LeaveView addLeave(@PathParam("id") long id, LeaveBody body);

    @DELETE
    @Path("/people/{id}/leave/{leaveId}")
    void deleteLeave(@PathParam("id") long id, @PathParam("leaveId") long leaveId);

    /** What rota-service sends; skills-service checks it (its own years, length, reason). */
    record LeaveBody(Instant start, Instant end, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LeaveView(
            long id, long personId, Instant start, Instant end, String reason, String createdBy, Instant createdAt) {}

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
