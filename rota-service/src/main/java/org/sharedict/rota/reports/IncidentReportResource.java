package org.sharedict.rota.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.reports.ReportDtos.ResponseReport;

@Path("/api/incidents/reports")
@Authenticated
@Tag(name = "Reports", description = "On-call hours, fairness between partners, response times")
public class IncidentReportResource {

    private final Reports reports;
    private final Clock clock;

    @Inject
    IncidentReportResource(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Time to acknowledge and to resolve incidents, per partner and per day, week or month (default MONTH). */
    @GET
    @Path("/response-times")
    public ResponseReport responseTimes(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("partner") String partner,
            @QueryParam("period") String period) {
        Instant t = Times.instant("to", to, Instant.now(clock));
        Instant f = Times.instant("from", from, t.minus(Duration.ofDays(90)));
        return reports.responseTimes(
                f,
                t,
                QueryParams.partner("partner", partner, false),
                QueryParams.enumValue("period", period, Reports.Granularity.class, Reports.Granularity.MONTH));
    }
}
