package org.sharedict.gateway.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** skills-service as docs/ARCHITECTURE.md describes it; only what the gateway reads. */
@RegisterRestClient(configKey = "skills")
@RegisterProvider(CallerToken.class)
@Path("/api")
interface SkillsApi {

    @GET
    @Path("/partners/{code}")
    PartnerRef partner(@PathParam("code") String code);

    @GET
    @Path("/people/{id}")
    PersonRef person(@PathParam("id") long id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerRef(String code, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonRef(Long id, String partner, String name, String email) {}
}
