package org.sharedict.dr.exports;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dr/plans/{id}")
@Authenticated
@Tag(name = "DR exports", description = "Offline copies of an approved plan: printable HTML, PDF, Markdown")
public class ExportResource {

    private final ExportService exports;

    ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @APIResponse(
            responseCode = "200",
            description = "Self-contained HTML for printing",
            content = @Content(mediaType = "text/html", schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Only approved (or superseded) revisions are exported")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @GET
    @Path("/export.html")
    @Produces("text/html")
    public Response html(@PathParam("id") long id) {
        ExportService.Rendered r = exports.html(id);
        return Response.ok(r.text(), "text/html; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + r.fileName() + "\"")
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The plan as Markdown",
            content = @Content(mediaType = "text/markdown", schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Only approved (or superseded) revisions are exported")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @GET
    @Path("/export.md")
    @Produces("text/markdown")
    public Response markdown(@PathParam("id") long id) {
        ExportService.Rendered r = exports.markdown(id);
        return Response.ok(r.text(), "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"")
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The plan as PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Only approved (or superseded) revisions are exported")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @GET
    @Path("/export.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        ExportService.Pdf pdf = exports.pdf(id);
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .build();
    }
}
