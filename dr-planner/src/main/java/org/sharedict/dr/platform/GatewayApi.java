package org.sharedict.dr.platform;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** The gateway's user directory (it owns users), asked with the caller's token. */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(CallerToken.class)
@Path("/api/users/directory")
interface GatewayApi {

    @GET
    List<Contact> contacts(@QueryParam("partner") String partner, @QueryParam("role") List<String> roles);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String username, String name, String email, String partner, List<String> roles) {}
}
