package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Teams: everyone signed in reads them; admins add, rename and remove them (application.properties). */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    TeamService teams;

    @GET
    public List<TeamView> list() {
        return teams.list();
    }

    @GET
    @Path("{id}")
    public TeamView get(@PathParam("id") long id) {
        return teams.get(id);
    }

    @POST
    public Response create(@Valid @NotNull NameRequest body) {
        TeamView created = teams.create(body);
        return Response.created(URI.create("/api/teams/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public TeamView rename(@PathParam("id") long id, @Valid @NotNull NameRequest body) {
        return teams.rename(id, body);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        teams.delete(id);
    }
}
