package dev.debrief.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A whole instance out and in (admin): the backup that moves between machines and between H2 and PostgreSQL. */
@Path("/api/admin")
public class InstanceResource {

    @Inject
    InstanceTransfer transfer;

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        return download(transfer);
    }

    /** The export as a download, for the API and the admin page alike. */
    static Response download(InstanceTransfer transfer) {
        StreamingOutput document = transfer::export;
        return Response.ok(document).header("Content-Disposition", "attachment; filename=\"debrief-export.json\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public InstanceTransfer.Imported importAll(JsonNode document) {
        return transfer.importAll(document);
    }
}
