package org.sharedict.dr.platform;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** rota-service's "who is on call" and its incidents (a DR call-out) as docs/ARCHITECTURE.md describes them. */
@RegisterRestClient(configKey = "rota")
@RegisterProvider(CallerToken.class)
@Path("/api")
interface RotaApi {

    @GET
    @Path("/oncall")
    OnCallView onCall(@QueryParam("partner") String partner);

    @POST
    @Path("/incidents")
    IncidentView raise(IncidentInput body);

    @GET
    @Path("/incidents/{id}")
    IncidentView incident(@PathParam("id") long id);

    @POST
    @Path("/incidents/{id}/resolve")
    IncidentView resolve(@PathParam("id") long id);

    record IncidentInput(
            String partner, String summary, String severity, String dedupKey, String details, CallOut callOut) {}

    record CallOut(String reference, String link, Responder owner, List<Responder> responders) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Responder(Long personId, String name, String why) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IncidentView(
            long id,
            String status,
            String policyName,
            Instant acknowledgedAt,
            String acknowledgedBy,
            Instant resolvedAt,
            String resolvedBy,
            List<Responder> responders) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnCallView(String partner, String at, boolean covered, OnCallPerson primary, OnCallPerson secondary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnCallPerson(
            Long personId,
            String name,
            String partner,
            String phone,
            String email,
            String rotaName,
            String reason,
            String shiftEnd) {}
}
