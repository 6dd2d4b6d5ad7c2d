package org.sharedict.skills.platform;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;

/**
 * Test-only endpoints whose bodies carry no {@code @NotNull}, as a forgetful resource would: they
 * show that platform-common requires a body unless it is marked {@code @Nullable}.
 */
@Path("/test/bodies")
@Authenticated
public class BodyProbeResource {

    public record Note(String text) {}

    @POST
    public String required(Note body) {
        return "note: " + body.text();
    }

    @POST
    @Path("/optional")
    public String optional(@Nullable Note body) {
        return body == null ? "no note" : "note: " + body.text();
    }
}
