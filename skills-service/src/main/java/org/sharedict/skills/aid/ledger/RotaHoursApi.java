package org.sharedict.skills.aid.ledger;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.sharedict.platform.remote.CallerToken;

/** rota-service's hours report (GET /api/rotas/reports/hours), only the cover between partners the statements read. */
@RegisterRestClient(configKey = "rota")
@RegisterProvider(CallerToken.class)
@Path("/api/rotas/reports")
interface RotaHoursApi {

    @GET
    @Path("/hours")
    HoursReport hours(@QueryParam("from") String from, @QueryParam("to") String to);

    /** Out-of-hours cover {@code giver}'s people gave {@code receiver} on one rota. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerCover(long rotaId, String rotaName, String giver, String receiver, double outOfHoursHours) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoursReport(List<PartnerCover> cover) {}
}
