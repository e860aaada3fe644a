package dev.debrief.tracker;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The post-mortem page's "Open ticket" button: opens the item's ticket and answers with the page again. */
@Path("/postmortems/{id}/action-items/{itemId}/ticket")
public class TrackerPages {

    @Inject
    TicketService tickets;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        String notice;
        try {
            tickets.open(id, itemId, null);
            notice = "ticket-opened";
        } catch (TrackerUnavailableException e) {
            notice = "ticket-failed";
        }
        return Response.seeOther(URI.create("/postmortems/" + id + "?notice=" + notice)).build();
    }
}
