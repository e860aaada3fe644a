package dev.debrief.board;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefException;
import dev.debrief.common.ProblemMappers;
import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.NamedEntry;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.PostMortemService;
import dev.debrief.postmortem.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The board page and the weekly review meeting, walking the items in board order. Every POST redirects. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BoardPages {

    @Inject
    BoardService boards;

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamService teams;

    @Inject
    PostMortemService tags;

    @Inject
    Validator validator;

    /** The board page with its filters, as given ("" when not). */
    public record BoardPage(Board board, String owner, String service, String severity, String kind, String team,
            String tag, String asOf, String currentWeek, List<String> teams, List<String> tags) {

        /** The four sections of items, in the board's order. */
        public List<SectionView> sections() {
            return List.of(section("Overdue", "overdue", "overdue items", board.overdue(), board.counts().overdue(),
                            BoardSection.OVERDUE),
                    section("Due this week", "due-this-week", "items due this week", board.dueThisWeek(),
                            board.counts().dueThisWeek(), BoardSection.DUE_THIS_WEEK),
                    section("Later", "later", "later items", board.later(), board.counts().later(),
                            BoardSection.LATER),
                    section("Done since the last review", "done", "items done since the last review",
                            board.doneSinceLastReview(), board.counts().doneSinceLastReview(),
                            BoardSection.DONE_SINCE_LAST_REVIEW));
        }

        private SectionView section(String title, String testid, String noun, List<Board.ItemRow> rows, int count,
                BoardSection section) {
            if (rows.isEmpty() || rows.size() >= count) {
                return new SectionView(title, testid, noun, rows, count, 0, null);
            }
            int next = Math.min(BoardService.Rows.FIRST, count - rows.size());
            StringBuilder href = new StringBuilder("/board?");
            Map.of("owner", owner, "service", service, "severity", severity, "kind", kind, "team", team, "tag",
                    tag, "asOf", asOf)
                    .entrySet().stream().filter(e -> !e.getValue().isBlank()).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> href.append(e.getKey()).append('=')
                            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).append('&'));
            // Back at the last row already shown, so that the reader goes on where they were.
            href.append("more=").append(section.key()).append("&rows=").append(rows.size() + next)
                    .append("#row-").append(rows.get(rows.size() - 1).actionItemId());
            return new SectionView(title, testid, noun, rows, count, next, href.toString());
        }
    }

    /**
     * One section as the page shows it: its first rows, how many it has, and when there are more, the link that
     * shows the next {@code next} of them (without JavaScript: the board again, with more rows of this section).
     */
    public record SectionView(String title, String testid, String noun, List<Board.ItemRow> rows, int count,
            int next, String nextHref) {
    }

    /** The review page: the meeting, the board in its order, and a message after the last decision. */
    public record ReviewPage(ReviewViews.ReviewView review, Board board, List<Board.ItemRow> agenda,
            String message, boolean error) {

        public boolean decided(Long itemId) {
            return review.decisions().stream().anyMatch(d -> d.actionItemId().equals(itemId));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(BoardPage page, String user, boolean canEdit);

        static native TemplateInstance review(ReviewPage page, String user, boolean canEdit);
    }

    @GET
    @Path("board")
    public TemplateInstance board(@QueryParam("asOf") String asOf, @QueryParam("owner") String owner,
            @QueryParam("service") String service, @QueryParam("severity") String severity,
            @QueryParam("kind") String kind, @QueryParam("team") String team, @QueryParam("tag") String tag,
            @QueryParam("more") String more, @QueryParam("rows") String rows) {
        LocalDate day = boards.asOf(asOf);
        OpenWork.Filter filter = BoardResource.filter(owner, service, severity, kind, team, tag);
        BoardService.Rows shown = more == null || more.isBlank() ? BoardService.Rows.FIRST_OF_EACH
                : BoardService.Rows.more(BoardSection.named("more", more.strip()),
                        QueryParams.intValue("rows", rows, 2 * BoardService.Rows.FIRST, 1, Integer.MAX_VALUE));
        Board board = boards.board(day, filter, shown);
        List<String> teamNames = teams.names();
        return Templates.board(new BoardPage(board, orEmpty(owner), orEmpty(service),
                filter.severity() == null ? "" : filter.severity().name(),
                filter.kind() == null ? "" : filter.kind().name(), NamedEntry.shownAmong(teamNames, team), orEmpty(tag),
                orEmpty(asOf), week(boards.today()), teamNames,
                tags.tagsInUse().stream().map(PostMortemService.TagUse::tag).toList()), user(), currentUser.isEditor());
    }

    @POST
    @Path("reviews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String week) {
        ReviewService.Started started = reviews.start(week, user());
        return seeOther("/reviews/" + started.review().week());
    }

    @GET
    @Path("reviews/{week}")
    public TemplateInstance review(@PathParam("week") String week, @QueryParam("notice") String notice,
            @QueryParam("item") String item, @QueryParam("decision") String decision) {
        return reviewPage(week, noticeText(notice, item, decision, reviews::itemName), false);
    }

    @POST
    @Path("reviews/{week}/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("week") String week, @RestForm String actionItemId,
            @RestForm String decision, @RestForm String newDueDate, @RestForm String reason,
            @RestForm String note) {
        String back = "/reviews/" + Review.normalizeWeek(week);
        try {
            Decision chosen = decision == null ? null : Decision.valueOf(decision);
            LocalDate due = newDueDate == null || newDueDate.isBlank() ? null : LocalDate.parse(newDueDate);
            Long item = Long.valueOf(actionItemId);
            if (chosen == null) {
                return refused(400, week, "Choose a decision for the item.");
            }
            ReviewRequests.Decide request = new ReviewRequests.Decide(item, chosen, due, reason, note);
            String invalid = violations(request);
            if (invalid != null) {
                return refused(400, week, reviews.itemName(item) + ": " + invalid);
            }
            reviews.decide(week, request, user());
            return seeOther(back + "?notice=recorded&decision=" + chosen + "&item=" + item + "#item-" + item);
        } catch (DebriefException e) {
            String detail = e.errors().isEmpty() ? e.getMessage()
                    : String.join("; ", e.errors().stream().map(x -> label(x.field()) + " " + x.message()).toList());
            return refused(e.status(), week, itemNamed(actionItemId) + ": " + detail);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return refused(400, week, itemNamed(actionItemId) + ": the decision or date is not valid.");
        }
    }

    @POST
    @Path("reviews/{week}/finish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response finish(@PathParam("week") String week, @RestForm String attendees) {
        String back = "/reviews/" + Review.normalizeWeek(week);
        List<String> people = attendees == null ? List.of()
                : Arrays.stream(attendees.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        ReviewRequests.Finish request = new ReviewRequests.Finish(people);
        String invalid = violations(request);
        if (invalid != null) {
            return refused(400, week, invalid);
        }
        try {
            reviews.finish(week, request, user());
            return seeOther(back + "?notice=finished");
        } catch (DebriefException e) {
            return refused(e.status(), week, e.getMessage());
        }
    }

    private TemplateInstance reviewPage(String week, String message, boolean error) {
        ReviewViews.ReviewView review = reviews.get(week);
        Board board = boards.board(boards.today(), OpenWork.Filter.NONE, BoardService.Rows.ALL);
        List<Board.ItemRow> agenda = new ArrayList<>(board.overdue());
        agenda.addAll(board.dueThisWeek());
        agenda.addAll(board.later());
        return Templates.review(new ReviewPage(review, board, agenda, message, error), user(), currentUser.isEditor());
    }

    /** A refused decision or finish: the review page again, with the reason, and nothing recorded. */
    private Response refused(int status, String week, String reason) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(reviewPage(week, reason, true)).build();
    }

    /**
     * The notice after a decision or the finish, from codes: a notice is never text taken from the address,
     * so a link cannot make the page say something Debrief did not.
     */
    static String noticeText(String notice, String item, String decision, LongFunction<String> itemName) {
        if ("finished".equals(notice)) {
            return "The review is finished.";
        }
        if ("recorded".equals(notice) && item != null && item.matches("\\d{1,18}") && decision != null
                && Arrays.stream(Decision.values()).anyMatch(d -> d.name().equals(decision))) {
            return "Recorded: " + decision + " for " + itemName.apply(Long.parseLong(item)) + ".";
        }
        return "";
    }

    /** A field of the decision form by the label the page shows it under. */
    static String label(String field) {
        return switch (field) {
            case "newDueDate" -> "New due date";
            case "reason" -> "Reason";
            case "note" -> "Note";
            case "decision" -> "Decision";
            case "actionItemId" -> "Item";
            case "attendees" -> "Attended";
            default -> field;
        };
    }

    /** The same rules as the JSON API, from the request records' constraints; null when all hold. */
    private String violations(Object request) {
        List<String> problems = validator.validate(request).stream()
                .map(v -> label(ProblemMappers.fieldOf(v)) + " " + v.getMessage()).sorted().toList();
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The item a form post names, by its title where the id is one. */
    private String itemNamed(String actionItemId) {
        return actionItemId != null && actionItemId.strip().matches("\\d{1,18}")
                ? reviews.itemName(Long.parseLong(actionItemId.strip())) : "The item";
    }

    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private String user() {
        return currentUser.name();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
