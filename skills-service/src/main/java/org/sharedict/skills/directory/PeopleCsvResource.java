package org.sharedict.skills.directory;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.platform.csv.Csv;
import org.sharedict.platform.csv.CsvDecoder;
import org.sharedict.skills.platform.Params;

import io.quarkus.security.Authenticated;

@Path("/api/people")
@Authenticated
@Tag(name = "People", description = "ICT staff of every partner, their contact details and availability")
public class PeopleCsvResource {

    @Inject
    PeopleImport importer;

    @Inject
    PeopleExport exporter;

    @POST
    @Path("/import")
    @Consumes({ Csv.MEDIA_TYPE, MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update people (matched by email) with their skills from CSV; all or nothing")
    public PeopleImport.Result importCsv(byte[] body, @QueryParam("dryRun") String dryRun, @Context HttpHeaders headers) {
        // Bytes, not a String: the framework would turn bytes that are not UTF-8 into U+FFFD without a word.
        return importer.importCsv(CsvDecoder.decode(body, headers.getMediaType()), Boolean.TRUE.equals(Params.bool("dryRun", dryRun)));
    }

    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Every person (or one partner's) with skills and certifications, as CSV the import reads")
    public Response export(@QueryParam("partner") String partner) {
        return Csv.download(partner == null || partner.isBlank() ? "people.csv" : "people-" + partner.toLowerCase() + ".csv",
                exporter.export(partner));
    }
}
