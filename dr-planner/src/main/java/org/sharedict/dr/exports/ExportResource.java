package org.sharedict.dr.exports;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/dr/plans/{id}")
@Authenticated
@Tag(name = "DR exports", description = "Offline copies of an approved plan: printable HTML, PDF, Markdown")
public class ExportResource {

    @Inject
    ExportService exports;

    @GET
    @Path("/export.html")
    @Produces("text/html")
    public Response html(@PathParam("id") long id) {
        ExportService.Rendered r = exports.html(id);
        return Response.ok(r.text(), "text/html; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + r.fileName() + "\"").build();
    }

    @GET
    @Path("/export.md")
    @Produces("text/markdown")
    public Response markdown(@PathParam("id") long id) {
        ExportService.Rendered r = exports.markdown(id);
        return Response.ok(r.text(), "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"").build();
    }

    @GET
    @Path("/export.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        ExportService.Pdf pdf = exports.pdf(id);
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"").build();
    }
}
