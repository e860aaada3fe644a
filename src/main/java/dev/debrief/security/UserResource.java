package dev.debrief.security;

import dev.debrief.common.CurrentUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * User management, for admins only, except that everyone may change their own password (see the HTTP permissions
 * in application.properties).
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @POST
    public Response create(@Valid @NotNull UserRequest body) {
        UserView created = users.create(body.username(), body.password(), Role.parse(body.role()));
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    /** Any signed-in user changes their own password (see the own-password permission). */
    @PUT
    @Path("me/password")
    public void changeOwnPassword(@Valid @NotNull PasswordChange body, RoutingContext request) {
        users.changeOwnPassword(currentUser.name(), SignInThrottle.clientAddress(request), body.currentPassword(),
                body.newPassword());
    }

    @PUT
    @Path("{username}/password")
    public void resetPassword(@PathParam("username") String username, @Valid @NotNull PasswordReset body) {
        users.resetPassword(username, body.newPassword());
    }

    @PATCH
    @Path("{username}")
    public UserView changeRole(@PathParam("username") String username, @Valid @NotNull RoleChange body) {
        return users.changeRole(username, Role.parse(body.role()));
    }

    @DELETE
    @Path("{username}")
    public void delete(@PathParam("username") String username) {
        users.delete(username);
    }
}
