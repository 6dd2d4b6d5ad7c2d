package org.sharedict.skills.transfer;

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

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.csv.Csv;
import org.sharedict.platform.csv.CsvDecoder;
import org.sharedict.platform.web.QueryParams;

@Path("/api/people")
@Authenticated
@Tag(name = "People", description = "ICT staff of every partner, their contact details and availability")
public class PeopleCsvResource {

    private final PeopleImport importer;
    private final PeopleExport exporter;

    PeopleCsvResource(PeopleImport importer, PeopleExport exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @POST
    @Path("/import")
    @Consumes({Csv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update people (matched by email) with their skills from CSV; all or nothing")
    @RequestBody(
            description =
                    "The CSV file as it is (skills-service/README.md, \"CSV import and export\"): UTF-8, UTF-16 with a "
                            + "byte-order mark, or Windows-1252",
            required = true,
            content = {
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was (or, with dryRun, would be) created and updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PeopleImport.Result.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Problems in the file: errors name each \"row N: column\", rows lists them; nothing was written")
    @APIResponse(responseCode = "403", description = "Only managers (for their own partner) and admins import")
    @APIResponse(
            responseCode = "409",
            description = "A row clashes with a record another request stored meanwhile; nothing was written")
    @APIResponse(
            responseCode = "415",
            description = "Not CSV, or the bytes are not text in their encoding (unsupported-encoding names it)")
    public PeopleImport.Result importCsv(
            byte[] body, @QueryParam("dryRun") String dryRun, @Context HttpHeaders headers) {
        // Bytes, not a String: the framework would turn bytes that are not UTF-8 into U+FFFD without a word.
        return importer.importCsv(
                CsvDecoder.decode(body, headers.getMediaType()),
                Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun)));
    }

    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Every person (or one partner's) with skills and certifications, as CSV the import reads")
    @APIResponse(
            responseCode = "200",
            description = "The people CSV, UTF-8; cells a spreadsheet would run as formulas start with '",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response export(@QueryParam("partner") String partner) {
        return Csv.download(
                partner == null || partner.isBlank() ? "people.csv" : "people-" + partner.toLowerCase() + ".csv",
                exporter.export(partner));
    }
}
