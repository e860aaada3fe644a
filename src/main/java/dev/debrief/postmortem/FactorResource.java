package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The contributing factors: everyone signed in reads them; admins add and rename them (application.properties). */
@Path("/api/factors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FactorResource {

    @Inject
    FactorService factors;

    @GET
    public List<FactorView> list() {
        return factors.list();
    }

    @GET
    @Path("{id}")
    public FactorView get(@PathParam("id") long id) {
        return factors.get(id);
    }

    @POST
    public Response create(@Valid @NotNull NameRequest body) {
        FactorView created = factors.create(body);
        return Response.created(URI.create("/api/factors/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public FactorView rename(@PathParam("id") long id, @Valid @NotNull NameRequest body) {
        return factors.rename(id, body);
    }
}
