package org.sharedict.gateway.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** skills-service as docs/ARCHITECTURE.md describes it; only what the gateway reads. */
@RegisterRestClient(configKey = "skills")
@Path("/api")
interface SkillsApi {

    @GET
    @Path("/partners/{code}")
    PartnerRef partner(@PathParam("code") String code, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/people/{id}")
    PersonRef person(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerRef(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonRef(Long id, String partner, String name, String email) {
    }
}
