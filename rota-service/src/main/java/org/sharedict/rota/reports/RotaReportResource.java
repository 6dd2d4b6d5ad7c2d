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

import org.sharedict.rota.platform.Times;
import org.sharedict.rota.reports.ReportDtos.FairnessReport;
import org.sharedict.rota.reports.ReportDtos.HoursReport;

@Path("/api/rotas/reports")
@Authenticated
@Tag(name = "Reports", description = "On-call hours, fairness between partners, response times")
public class RotaReportResource {

    private final Reports reports;
    private final Clock clock;

    @Inject
    RotaReportResource(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** On-call hours per person and per partner in [from, to) (default: the last 30 days), for payments and cross-charging. */
    @GET
    @Path("/hours")
    public HoursReport hours(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rotaId") Long rotaId) {
        Instant t = Times.instant("to", to, Instant.now(clock));
        Instant f = Times.instant("from", from, t.minus(Duration.ofDays(30)));
        return reports.hours(f, t, rotaId);
    }

    /** Each partner's share of a rota's primary hours against its share of the members. */
    @GET
    @Path("/fairness")
    public FairnessReport fairness(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("rotaId") Long rotaId) {
        Instant t = Times.instant("to", to, Instant.now(clock));
        Instant f = Times.instant("from", from, t.minus(Duration.ofDays(30)));
        return reports.fairness(f, t, rotaId);
    }
}
