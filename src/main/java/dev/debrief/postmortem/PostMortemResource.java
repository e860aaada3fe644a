package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.QueryParams;
import dev.debrief.common.ResultPage;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The post-mortem JSON API; docs/api.md is its contract. */
@Path("/api/postmortems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostMortemResource {

    @Inject
    PostMortemService service;

    @Inject
    RelatedIncidents related;

    @Inject
    MarkdownExport export;

    @Inject
    CurrentUser currentUser;

    @Inject
    DebriefConfig config;

    @POST
    public Response create(@Valid @NotNull PostMortemRequest body) {
        PostMortemView created = service.create(body);
        return withTag(Response.created(URI.create("/api/postmortems/" + created.id())), created.version(), created);
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("service") String serviceName, @QueryParam("team") String team,
            @QueryParam("tag") String tag, @QueryParam("factor") String factor, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        ResultPage<FoundPostMortem> result = service.search(PostMortemSearch.of(
                new PostMortemSearch.Params(status, severity, serviceName, team, tag, factor, from, to, text),
                QueryParams.intValue("page", page, 0, 0, Integer.MAX_VALUE / PostMortemSearch.MAX_SIZE),
                QueryParams.intValue("size", size, PostMortemSearch.DEFAULT_SIZE, 1, PostMortemSearch.MAX_SIZE),
                config.timeZone()));
        return Response.ok(result).header("X-Total-Count", result.total()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        PostMortemView found = service.get(id);
        return withTag(Response.ok(), found.version(), found);
    }

    /** Who changed what and when, newest first; admins also read the history of a deleted post-mortem. */
    @GET
    @Path("{id}/history")
    public List<AuditEntry> history(@PathParam("id") long id) {
        return service.history(id, currentUser.isAdmin());
    }

    /** The same post-mortem as one Markdown document, for {@code Accept: text/markdown}. */
    @GET
    @Path("{id}")
    @Produces("text/markdown")
    public Response markdown(@PathParam("id") long id) {
        return Response.ok(export.export(service.get(id)), "text/markdown; charset=UTF-8").build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostMortemRequest body) {
        PostMortemView updated = service.update(id, body, ifMatch);
        return withTag(Response.ok(), updated.version(), updated);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        service.delete(id);
    }

    @POST
    @Path("{id}/action-items")
    public Response addActionItem(@PathParam("id") long id, @Valid @NotNull ActionItemRequest body) {
        ActionItemView item = service.addActionItem(id, body);
        return withTag(Response.created(URI.create("/api/postmortems/" + id + "/action-items/" + item.id())),
                item.version(), item);
    }

    @PUT
    @Path("{id}/action-items/order")
    public Response reorder(@PathParam("id") long id, @Valid @NotNull ReorderRequest body) {
        PostMortemView reordered = service.reorder(id, body);
        return withTag(Response.ok(), reordered.version(), reordered);
    }

    @PUT
    @Path("{id}/action-items/{itemId}")
    public Response updateActionItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ActionItemRequest body) {
        ActionItemView item = service.updateActionItem(id, itemId, body, ifMatch);
        return withTag(Response.ok(), item.version(), item);
    }

    @DELETE
    @Path("{id}/action-items/{itemId}")
    public void deleteActionItem(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        service.deleteActionItem(id, itemId);
    }

    /** Links this post-mortem to another; both then show the link. */
    @POST
    @Path("{id}/links")
    public Response link(@PathParam("id") long id, @Valid @NotNull LinkRequest body) {
        PostMortemView linked = related.link(id, body);
        return withTag(Response.created(URI.create("/api/postmortems/" + id + "/links/" + body.postmortemId())),
                linked.version(), linked);
    }

    @DELETE
    @Path("{id}/links/{otherId}")
    public void unlink(@PathParam("id") long id, @PathParam("otherId") long otherId) {
        related.unlink(id, otherId);
    }

    /** Post-mortems likely related to this one, not linked yet, with the reasons. */
    @GET
    @Path("{id}/suggestions")
    public List<RelatedIncidents.Suggestion> suggestions(@PathParam("id") long id) {
        return related.suggestions(id);
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD)
    public Response publish(@PathParam("id") long id, @Valid PublishRequest body) {
        PostMortemView published = service.publish(id, body);
        return withTag(Response.ok(), published.version(), published);
    }

    private static Response withTag(Response.ResponseBuilder builder, long version, Object entity) {
        return builder.header("ETag", ETags.of(version)).entity(entity).build();
    }
}
