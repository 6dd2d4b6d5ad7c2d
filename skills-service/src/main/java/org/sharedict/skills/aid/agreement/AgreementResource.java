package org.sharedict.skills.aid.agreement;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.ETags;
import org.sharedict.skills.aid.agreement.AgreementDtos.AgreementInput;
import org.sharedict.skills.aid.agreement.AgreementDtos.AgreementView;

@Path("/api/aid/agreement")
@Authenticated
@Tag(name = "Mutual aid", description = "Asking another partner for help, deciding, and the time given")
public class AgreementResource {

    private final AgreementService agreement;

    @Inject
    AgreementResource(AgreementService agreement) {
        this.agreement = agreement;
    }

    @APIResponse(
            responseCode = "200",
            description = "The partnership agreement; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    @GET
    public Response get() {
        AgreementView a = agreement.view();
        return Response.ok(a).tag(ETags.of(a.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The agreement as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "403", description = "Only partnership admins change the agreement")
    @APIResponse(responseCode = "409", description = "The version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    public Response update(@Valid @NotNull AgreementInput body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AgreementView a = agreement.update(body, ifMatch);
        return Response.ok(a).tag(ETags.of(a.version())).build();
    }
}
