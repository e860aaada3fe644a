package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Teams: read, added and renamed like any list admins keep, and removed once they own nothing. */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource extends NamedListResource {

    @Inject
    TeamService teams;

    @Override
    protected NamedList<?> entries() {
        return teams;
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        teams.delete(id);
    }
}
