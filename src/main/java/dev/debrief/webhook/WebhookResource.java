package dev.debrief.webhook;

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

/** Subscribers of signed outbound webhooks, for admins (docs/integrations.md). */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @GET
    public List<WebhookViews.WebhookView> list() {
        return webhooks.list();
    }

    @POST
    public Response register(@Valid @NotNull WebhookRequest body) {
        WebhookViews.WebhookView created = webhooks.register(body);
        return Response.created(URI.create("/api/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    public WebhookViews.WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @GET
    @Path("{id}/deliveries")
    public List<WebhookViews.DeliveryView> deliveries(@PathParam("id") long id) {
        return webhooks.deliveries(id);
    }
}
