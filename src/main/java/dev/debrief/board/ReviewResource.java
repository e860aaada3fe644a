package dev.debrief.board;

import dev.debrief.common.CurrentUser;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The weekly review meetings: start, decide, finish, and the record of past meetings. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response start(@Valid @NotNull ReviewRequests.Start body) {
        ReviewService.Started started = reviews.start(body.week(), currentUser.name());
        if (started.created()) {
            return Response.created(URI.create("/api/reviews/" + started.review().week()))
                    .entity(started.review()).build();
        }
        return Response.ok(started.review()).build();
    }

    @GET
    public List<ReviewViews.ReviewSummary> list() {
        return reviews.list();
    }

    @GET
    @Path("{week}")
    public ReviewViews.ReviewView get(@PathParam("week") String week) {
        return reviews.get(week);
    }

    @POST
    @Path("{week}/decisions")
    public Response decide(@PathParam("week") String week, @Valid @NotNull ReviewRequests.Decide body) {
        ReviewViews.Decided decided = reviews.decide(week, body, currentUser.name());
        return Response.status(Response.Status.CREATED).entity(decided).build();
    }

    @POST
    @Path("{week}/finish")
    @Consumes(MediaType.WILDCARD)
    public ReviewViews.ReviewView finish(@PathParam("week") String week, @Valid ReviewRequests.Finish body) {
        return reviews.finish(week, body, currentUser.name());
    }
}
