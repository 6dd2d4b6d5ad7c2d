package org.sharedict.dr.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** rota-service's "who is on call" as docs/ARCHITECTURE.md describes it. */
@RegisterRestClient(configKey = "rota")
@RegisterProvider(CallerToken.class)
@Path("/api")
interface RotaApi {

    @GET
    @Path("/oncall")
    OnCallView onCall(@QueryParam("partner") String partner);

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
