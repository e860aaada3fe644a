package dev.debrief.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Online backups of the embedded database (admin): {@code POST} writes one, {@code GET} lists them. */
@Path("/api/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    @Inject
    Backups backups;

    @POST
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(backups.create()).build();
    }

    @GET
    public List<Backups.Backup> list() {
        return backups.list();
    }
}
