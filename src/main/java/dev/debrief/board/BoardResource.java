package dev.debrief.board;

import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.Severity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The weekly review board as JSON. */
@Path("/api/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    /** The most rows one request for a section brings. */
    static final int MAX_LIMIT = 500;

    @Inject
    BoardService board;

    @GET
    public Board board(@QueryParam("asOf") String asOf, @QueryParam("owner") String owner,
            @QueryParam("service") String service, @QueryParam("severity") String severity,
            @QueryParam("kind") String kind, @QueryParam("team") String team, @QueryParam("tag") String tag) {
        return board.board(board.asOf(asOf), filter(owner, service, severity, kind, team, tag));
    }

    /** The rows of one section after the board's first ones, with the board's filters and day. */
    @GET
    @Path("sections/{section}")
    public Board.SectionRows section(@PathParam("section") String section, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("asOf") String asOf, @QueryParam("owner") String owner,
            @QueryParam("service") String service, @QueryParam("severity") String severity,
            @QueryParam("kind") String kind, @QueryParam("team") String team, @QueryParam("tag") String tag) {
        return board.section(board.asOf(asOf), filter(owner, service, severity, kind, team, tag),
                BoardSection.named("section", section), QueryParams.intValue("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.intValue("limit", limit, BoardService.Rows.FIRST, 1, MAX_LIMIT));
    }

    static OpenWork.Filter filter(String owner, String service, String severity, String kind, String team,
            String tag) {
        return new OpenWork.Filter(QueryParams.text("owner", owner), QueryParams.text("service", service),
                QueryParams.enumValue("severity", severity, Severity.class),
                QueryParams.enumValue("kind", kind, ActionItemKind.class), QueryParams.text("team", team),
                QueryParams.text("tag", tag));
    }
}
