package dev.debrief.postmortem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The API of a list admins keep by name, at its subclass's path: everyone signed in reads it; admins add and rename
 * entries (who may is set by path in application.properties).
 */
public abstract class NamedListResource {

    protected abstract NamedList<?> entries();

    @GET
    public List<NamedView> list() {
        return entries().list();
    }

    @GET
    @Path("{id}")
    public NamedView get(@PathParam("id") long id) {
        return entries().get(id);
    }

    /** Adds an entry; it is then at {@code <the list's path>/<id>}. */
    @POST
    public Response create(@Valid @NotNull NameRequest body, @Context UriInfo uri) {
        NamedView created = entries().create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    public NamedView rename(@PathParam("id") long id, @Valid @NotNull NameRequest body) {
        return entries().rename(id, body);
    }
}
