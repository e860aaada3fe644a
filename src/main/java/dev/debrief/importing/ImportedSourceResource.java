package dev.debrief.importing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The document a post-mortem was imported from, as it was sent: nothing of the original is lost. */
@Path("/api/postmortems/{id}/source")
public class ImportedSourceResource {

    @Inject
    ImportService imports;

    @GET
    @Produces(ImportResource.MARKDOWN)
    public Response source(@PathParam("id") long id) {
        return Response.ok(imports.source(id), ImportResource.MARKDOWN + "; charset=UTF-8").build();
    }
}
