package dev.debrief.security;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.ForbiddenException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Personal API tokens of the signed-in person; admins also list and revoke everyone's. Only a password sign-in may
 * call this, never a token (the {@code password-holder} policy).
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response create(@Valid @NotNull TokenRequest body) {
        TokenView created = tokens.create(currentUser.name(), body);
        return Response.created(URI.create("/api/tokens/" + created.id())).entity(created).build();
    }

    /** The caller's tokens; with {@code all=true}, for admins, everyone's. */
    @GET
    public List<TokenView> list(@QueryParam("all") boolean all) {
        if (all && !currentUser.isAdmin()) {
            throw new ForbiddenException("Only admins list everyone's tokens.");
        }
        return tokens.list(all ? null : currentUser.name());
    }

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(id, currentUser.name(), currentUser.isAdmin());
    }
}
