package dev.debrief.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly review meeting through the pages: board, start, decide, finish, and the item's history. */
@QuarkusTest
class BoardPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void reviewMeetingFromBoardToHistory() {
        long pm = Scenarios.create(PostMortemJson.complete().with("title", "Checkout outage"));
        Map<String, Object> first = PostMortemJson.item(1);
        first.put("dueDate", "2026-03-05");
        first.put("owner", "alice");
        long overdueItem = Scenarios.addItem(pm, first);
        Map<String, Object> second = PostMortemJson.item(2);
        second.put("dueDate", "2026-03-12");
        long thisWeek = Scenarios.addItem(pm, second);

        WebSession editor = WebSession.asEditor();
        Document board = editor.page("/board");
        assertThat(board.select("[data-testid=overdue] [data-testid=board-row]")).hasSize(1);
        assertThat(board.select("[data-testid=overdue] td").eachText()).contains("alice", "5 d");
        assertThat(board.select("[data-testid=due-this-week] [data-testid=board-row]")).hasSize(1);

        Response started = editor.submit(board, "form[action=/reviews]", Map.of());
        assertThat(started.header("Location")).endsWith("/reviews/2026-W11");
        Document review = editor.page("/reviews/2026-W11");
        assertThat(review.select("[data-testid=agenda-item]")).hasSize(2);
        assertThat(review.select("[data-testid=agenda-item]").first().id()).isEqualTo("item-" + overdueItem);
        // Each agenda item's button names its item, for those who hear the buttons listed without their sections.
        assertThat(review.select("[data-testid=agenda-item] button[type=submit]").eachAttr("aria-label"))
                .containsExactlyElementsOf(review.select("[data-testid=agenda-item] h3").eachText().stream()
                        .map(heading -> "Record the decision on " + heading.replaceFirst("^\\d+ d overdue ", ""))
                        .toList())
                .doesNotHaveDuplicates();

        Response refused = editor.submit(review, "[data-testid=decide-" + overdueItem + "]",
                Map.of("decision", "REDATE"));
        assertThat(refused.statusCode()).isEqualTo(400);
        // The refusal names the item as the agenda shows it and the field by its label, never by an id.
        assertThat(Jsoup.parse(refused.asString()).select("[data-testid=review-error]").text())
                .startsWith("\u201cAction 1\u201d: New due date is required").doesNotContain("newDueDate")
                .doesNotContain("Item " + overdueItem);

        Response decided = editor.submit(editor.page("/reviews/2026-W11"), "[data-testid=decide-" + overdueItem + "]",
                Map.of("decision", "REDATE", "newDueDate", "2026-03-20", "reason", "vendor late",
                        "note", "Alice chases the vendor"));
        Document after = editor.page(path(decided));
        assertThat(after.select("[data-testid=review-message]").text())
                .isEqualTo("Recorded: REDATE for \u201cAction 1\u201d.");
        assertThat(after.select("[data-testid=decision]").text()).contains("new due date 2026-03-20")
                .contains("vendor late").contains("erin");

        Response finished = editor.submit(after, "[data-testid=finish-form]", Map.of("attendees", "Alice, Bob"));
        Document done = editor.page(path(finished));
        assertThat(done.select("[data-testid=not-discussed-count]").text()).startsWith("1 open item");
        assertThat(done.select("[data-testid^=decide-]")).isEmpty();

        Document page = editor.page("/postmortems/" + pm);
        assertThat(page.select("[data-testid=history-line]").eachText()).singleElement().asString()
                .contains("re-dated from 2026-03-05 to 2026-03-20").contains("vendor late").contains("erin")
                .contains("Alice chases the vendor");
        assertThat(thisWeek).isPositive();
    }

    @Test
    void theReviewOffersTheFourDecisionsWithTheirLabels() {
        long pm = Scenarios.create(PostMortemJson.complete());
        long item = Scenarios.addItem(pm, PostMortemJson.item(1));
        WebSession editor = WebSession.asEditor();
        Response started = editor.submit(editor.page("/board"), "form[action=/reviews]", Map.of());
        Document review = editor.page(path(started));

        String decision = "#decision-" + item + " option";
        assertThat(review.select(decision).eachAttr("value")).containsExactly("KEEP", "REDATE", "DONE", "DROP");
        assertThat(review.select(decision).eachText()).containsExactly("Keep", "Re-date", "Done", "Drop");
    }

    @Test
    void oneOverdueWriteUpIsCountedInTheSingular() {
        Scenarios.create(PostMortemJson.complete().with("startedAt", "2026-03-01T10:00:00Z")
                .with("detectedAt", "2026-03-01T10:05:00Z").with("resolvedAt", "2026-03-01T11:00:00Z"));
        Document board = WebSession.asViewer().page("/board");

        assertThat(board.select("[data-testid=count-overdue-writeups]").first().parent().text())
                .isEqualTo("1 write-up overdue");
    }

    @Test
    void viewerSeesTheBoardButCannotStartAReview() {
        long pm = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(pm, PostMortemJson.item(1));
        WebSession viewer = WebSession.asViewer();
        Document board = viewer.page("/board");
        assertThat(board.select("[data-testid=start-review]")).isEmpty();
        assertThat(board.select("[data-testid=board-row]")).hasSize(1);
        Document editorsBoard = WebSession.asEditor().page("/board");
        assertThat(viewer.submit(editorsBoard, "form[action=/reviews]", Map.of()).statusCode()).isEqualTo(403);
        assertThat(List.of(viewer.get("/board?kind=NOPE").statusCode())).containsExactly(400);
    }

    @Test
    void badFormInputIsShownAsAnErrorNotAFailure() {
        long pm = Scenarios.create(PostMortemJson.complete());
        long item = Scenarios.addItem(pm, PostMortemJson.item(1));
        WebSession editor = WebSession.asEditor();
        Response started = editor.submit(editor.page("/board"), "form[action=/reviews]", Map.of());
        Document review = editor.page(path(started));

        Response longNote = editor.submit(review, "[data-testid=decide-" + item + "]",
                Map.of("decision", "KEEP", "note", "n".repeat(2001)));
        assertThat(refusal(longNote)).contains("Note must be at most 2000 characters");
        Response badId = editor.submit(review, "[data-testid=decide-" + item + "]",
                Map.of("decision", "KEEP", "actionItemId", "abc"));
        assertThat(refusal(badId)).contains("not valid");
        Response longName = editor.submit(review, "[data-testid=finish-form]", Map.of("attendees", "a".repeat(101)));
        assertThat(refusal(longName)).contains("at most 100 characters");
        assertThat(editor.page("/reviews/2026-W11").select("[data-testid=finish-form]")).hasSize(1);
        assertThat(editor.get("/reviews/2026%20W11").statusCode()).isEqualTo(400);
    }

    @Test
    void aReviewPageNeverShowsTextFromItsAddress() {
        WebSession editor = WebSession.asEditor();
        Response started = editor.submit(editor.page("/board"), "form[action=/reviews]", Map.of());
        String evil = URLEncoder.encode("Your session expired, sign in again at https://evil.example",
                StandardCharsets.UTF_8);

        Document page = editor.page(path(started) + "?error=" + evil + "&message=" + evil
                + "&notice=recorded&decision=" + evil + "&item=1");

        assertThat(page.text()).doesNotContain("evil.example");
        assertThat(page.select("[data-testid=review-message], [data-testid=review-error]")).isEmpty();
    }

    @Test
    void aLongSectionShowsItsFirstHundredRowsAndALinkToTheNextHundred() {
        List<Long> ids = data.openItems(250, n -> "alice", n -> LocalDate.parse("2026-03-02"));
        WebSession viewer = WebSession.asViewer();

        Document board = viewer.page("/board");
        assertThat(board.select("[data-testid=overdue] [data-testid=board-row]")).hasSize(100);
        assertThat(board.select("[data-testid=count-overdue]").text()).isEqualTo("250");
        assertThat(board.select("[data-testid=overdue-more]").text()).startsWith("100 of 250 shown.");
        Element next = board.selectFirst("[data-testid=overdue-next]");
        assertThat(next.text()).isEqualTo("Show the next 100 of 250 overdue items");
        // Same due date: rank, then id, so every third id first. The link comes back to the last row shown.
        List<Long> firstHundred = board.select("[data-testid=overdue] [data-testid=board-row]").eachAttr("id")
                .stream().map(id -> Long.valueOf(id.substring("row-".length()))).toList();
        List<Long> byRankThenId = Stream.of(0, 1, 2)
                .flatMap(rank -> IntStream.range(0, ids.size()).filter(n -> n % 3 == rank).mapToObj(ids::get)).toList();
        assertThat(firstHundred).containsExactlyElementsOf(byRankThenId.subList(0, 100));
        assertThat(next.attr("href")).isEqualTo("/board?more=overdue&rows=200#row-" + firstHundred.get(99));

        Document more = viewer.page(withoutFragment(next.attr("href")));
        assertThat(more.select("[data-testid=overdue] [data-testid=board-row]")).hasSize(200);
        assertThat(more.select("[data-testid=overdue-next]").text()).isEqualTo("Show the next 50 of 250 overdue items");
        Document all = viewer.page(withoutFragment(more.selectFirst("[data-testid=overdue-next]").attr("href")));
        assertThat(all.select("[data-testid=overdue] [data-testid=board-row]")).hasSize(250);
        assertThat(all.select("[data-testid=overdue-more], [data-testid=overdue-next]")).isEmpty();
    }

    @Test
    void theLinkToTheNextRowsKeepsTheFiltersAndTheDay() {
        data.openItems(250, n -> n % 2 == 0 ? "alice" : "bob", n -> LocalDate.parse("2026-03-02"));
        WebSession viewer = WebSession.asViewer();

        Document board = viewer.page("/board?owner=bob&service=&asOf=2026-03-10");
        Element next = board.selectFirst("[data-testid=overdue-next]");
        assertThat(next.text()).isEqualTo("Show the next 25 of 125 overdue items");
        assertThat(next.attr("href")).startsWith("/board?asOf=2026-03-10&owner=bob&more=overdue&rows=125#row-");

        Document more = viewer.page(withoutFragment(next.attr("href")));
        assertThat(more.select("[data-testid=overdue] [data-testid=board-row]")).hasSize(125);
        assertThat(more.select("[data-testid=overdue] td:nth-child(5)").eachText()).containsOnly("bob");
        assertThat(more.select("[data-testid=overdue-next]")).isEmpty();
        assertThat(more.select("#owner").val()).isEqualTo("bob");
    }

    @Test
    void askingForMoreRowsOfAnUnknownSectionIsRefused() {
        WebSession viewer = WebSession.asViewer();
        assertThat(List.of(viewer.get("/board?more=nope").statusCode(), viewer.get("/board?more=later&rows=0")
                .statusCode(), viewer.get("/board?more=later&rows=x").statusCode())).containsExactly(400, 400, 400);
        assertThat(viewer.get("/board?more=later&rows=300").statusCode()).isEqualTo(200);
    }

    private static String withoutFragment(String href) {
        return href.replaceAll("#.*", "");
    }

    /** A refused form post answers with the review page itself, saying why, and records nothing. */
    private static String refusal(Response refused) {
        assertThat(refused.statusCode()).isEqualTo(400);
        return Jsoup.parse(refused.asString()).select("[data-testid=review-error]").text();
    }

    private static String path(Response redirect) {
        String location = redirect.header("Location");
        assertThat(location).as("redirect after POST").isNotNull();
        return location.substring(location.indexOf("/reviews/")).replaceAll("#.*", "");
    }
}
