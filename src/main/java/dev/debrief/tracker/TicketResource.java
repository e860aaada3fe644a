package dev.debrief.tracker;

import dev.debrief.postmortem.ActionItemTickets;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An action item's ticket in the issue tracker: opened once, answered as it is after that. */
@Path("/api/postmortems/{id}/action-items/{itemId}/ticket")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketService tickets;

    /**
     * 201 with the ticket this call opened, 200 with the one the item has already. {@code tracker} chooses among
     * several configured trackers ({@code github}, {@code gitlab}, {@code jira}).
     */
    @POST
    public Response open(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @QueryParam("tracker") String tracker) {
        TicketService.Opened opened = tickets.open(id, itemId, tracker);
        ActionItemTickets.Ticket ticket = opened.ticket();
        return Response.status(opened.created() ? Response.Status.CREATED : Response.Status.OK).entity(ticket).build();
    }
}
