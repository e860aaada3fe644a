package dev.debrief.security;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** User management, for admins only (see the HTTP permissions in application.properties). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @POST
    public Response create(@Valid @NotNull UserRequest body) {
        UserView created = users.create(body.username(), body.password(), Role.parse(body.role()));
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @DELETE
    @Path("{username}")
    public void delete(@PathParam("username") String username) {
        users.delete(username);
    }
}
