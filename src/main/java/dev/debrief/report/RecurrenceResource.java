package dev.debrief.report;

import dev.debrief.common.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What keeps coming back: services and contributing factors of two or more incidents in the last {@code days}. */
@Path("/api/reports/recurrence")
@Produces(MediaType.APPLICATION_JSON)
public class RecurrenceResource {

    @Inject
    RecurrenceService recurrences;

    @GET
    public Recurrence recurrence(@QueryParam("days") String days, @QueryParam("team") String team,
            @QueryParam("tag") String tag) {
        return recurrences.recurrence(RecurrenceService.days(days), QueryParams.text("team", team),
                QueryParams.text("tag", tag));
    }
}
