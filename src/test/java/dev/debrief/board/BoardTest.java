package dev.debrief.board;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.debrief.postmortem.OpenWork;
import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The board on a fixed clock: 2026-03-10 12:00 UTC, a Tuesday, in ISO week 2026-W11. */
@QuarkusTest
class BoardTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    BoardService boards;

    @Inject
    SessionFactory sessions;

    @Inject
    EntityManager em;

    @Inject
    ReviewService reviews;

    @BeforeEach
    void reset() {
        data.reset();
    }

    /** A post-mortem whose items ranked 1, 2 and 3, owned by alice, bob and carol, are due on the given dates. */
    private static Scenarios.Ranked itemsDue(String title, String first, String second, String third) {
        long id = Scenarios.create(PostMortemJson.complete().with("title", title));
        return new Scenarios.Ranked(id, item(id, 1, "alice", first), item(id, 2, "bob", second),
                item(id, 3, "carol", third));
    }

    private static long item(long postmortem, int rank, String owner, String dueDate) {
        Map<String, Object> item = PostMortemJson.item(rank);
        item.put("dueDate", dueDate);
        item.put("owner", owner);
        return Scenarios.addItem(postmortem, item);
    }

    private static JsonPath board(String query) {
        return asViewer().get("/api/board" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void itemDueTodayIsNotOverdueAndDueYesterdayIsOneDayOverdue() {
        Scenarios.Ranked ids = itemsDue("Boundaries", "2026-03-09", "2026-03-10", "2026-03-15");
        JsonPath board = board("");
        assertThat(board.getString("asOf")).isEqualTo("2026-03-10");
        assertThat(board.getList("overdue.actionItemId", Long.class)).containsExactly(ids.first());
        assertThat(board.getInt("overdue[0].daysOverdue")).isEqualTo(1);
        assertThat(board.getList("dueThisWeek.actionItemId", Long.class)).containsExactly(ids.second(), ids.third());
        assertThat(board.getInt("dueThisWeek[0].daysOverdue")).isZero();
    }

    @Test
    void weekRunsFromTheConfiguredFirstDayAndLaterIsAfterIt() {
        Scenarios.Ranked ids = itemsDue("Week edges", "2026-03-15", "2026-03-16", "2026-04-30");
        JsonPath board = board("?asOf=2026-03-10");
        assertThat(board.getList("dueThisWeek.actionItemId", Long.class)).containsExactly(ids.first());
        assertThat(board.getList("later.actionItemId", Long.class)).containsExactly(ids.second(), ids.third());
        assertThat(board.getString("weekStart")).isEqualTo("2026-03-09");
        assertThat(board.getString("weekEnd")).isEqualTo("2026-03-15");
    }

    @Test
    void todayAndTheWeekFollowTheTeamsZone() {
        Scenarios.Ranked ids = itemsDue("Zones", "2026-03-10", "2026-03-14", "2026-03-15");
        // 23:30 UTC on Tuesday 10 March is already Wednesday 11 March in Berlin.
        clock.set(Instant.parse("2026-03-10T23:30:00Z"));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = clock.instant().atZone(berlin).toLocalDate();
        Board inBerlin = boards.board(today, OpenWork.Filter.NONE, BoardService.Rows.FIRST_OF_EACH, berlin,
                DayOfWeek.SUNDAY);
        assertThat(inBerlin.asOf()).isEqualTo("2026-03-11");
        assertThat(inBerlin.overdue()).extracting(Board.ItemRow::actionItemId).containsExactly(ids.first());
        assertThat(inBerlin.weekStart()).isEqualTo("2026-03-08");
        assertThat(inBerlin.dueThisWeek()).extracting(Board.ItemRow::actionItemId).containsExactly(ids.second());
        assertThat(inBerlin.later()).extracting(Board.ItemRow::actionItemId).containsExactly(ids.third());
        Board inUtc = boards.board(LocalDate.parse("2026-03-10"), OpenWork.Filter.NONE,
                BoardService.Rows.FIRST_OF_EACH, ZoneId.of("UTC"), DayOfWeek.MONDAY);
        assertThat(inUtc.overdue()).isEmpty();
    }

    @Test
    void overdueComesMostDaysOverdueFirstThenByRank() {
        Scenarios.Ranked a = itemsDue("First", "2026-03-08", "2026-03-01", "2026-03-08");
        JsonPath board = board("");
        assertThat(board.getList("overdue.actionItemId", Long.class)).containsExactly(a.second(), a.first(), a.third());
        assertThat(board.getList("overdue.daysOverdue", Integer.class)).containsExactly(9, 2, 2);
        assertThat(board.getList("owners.owner", String.class)).startsWith("alice", "bob", "carol");
        assertThat(board.getInt("counts.overdue")).isEqualTo(3);
    }

    @Test
    void filtersNarrowTheBoard() {
        itemsDue("Filtered", "2026-03-08", "2026-03-11", "2026-04-01");
        assertThat(board("?owner=BOB").getList("dueThisWeek.owner", String.class)).containsExactly("bob");
        assertThat(board("?owner=bob").getList("overdue")).isEmpty();
        assertThat(board("?kind=DETECTION").getList("overdue.kind", String.class)).containsExactly("DETECTION");
        assertThat(board("?severity=SEV4").getInt("counts.overdue")).isZero();
        assertThat(board("?service=payments").getInt("counts.overdue")).isOne();
    }

    /** Board parameters it refuses, as sent (already URL-encoded): the field each names. */
    @ParameterizedTest(name = "?{0} is refused naming {1}")
    @CsvSource({
        "kind=NOPE, kind",
        "asOf=yesterday, asOf",
        "asOf=%2B999999999-12-31, asOf",
        "owner=a%00b, owner",
    })
    void invalidBoardParameterIsRefusedNamingIt(String query, String field) {
        asViewer().urlEncodingEnabled(false).get("/api/board?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void writeUpsPastTheirDueTimeAreListedWithHoursOverdue() {
        Scenarios.create(PostMortemJson.complete().with("title", "Late write-up")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:10:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));
        Scenarios.create(PostMortemJson.complete().with("title", "Still in time"));
        JsonPath board = board("");
        assertThat(board.getList("overdueWriteUps.title", String.class)).containsExactly("Late write-up");
        assertThat(board.getInt("overdueWriteUps[0].hoursOverdue")).isEqualTo(26);
        assertThat(board.getString("overdueWriteUps[0].writeUpDueAt")).isEqualTo("2026-03-09T10:00:00Z");
    }

    @Test
    void reviewDecisionReDatesTheItemAndBecomesItsHistory() {
        Scenarios.Ranked ids = itemsDue("Re-dated", "2026-03-05", "2026-03-20", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201)
                .header("Location", containsString("/api/reviews/2026-W11"));
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(200)
                .body("week", equalTo("2026-W11"));

        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "REDATE", "newDueDate", "2026-03-13",
                        "reason", "waiting on the vendor", "note", "Alice follows up"))
                .post("/api/reviews/2026-W11/decisions")
                .then().statusCode(201)
                .body("decision.decision", equalTo("REDATE"))
                .body("decision.previousDueDate", equalTo("2026-03-05"))
                .body("decision.decidedBy", equalTo("erin"))
                .body("actionItem.dueDate", equalTo("2026-03-13"));

        JsonPath board = board("");
        assertThat(board.getList("overdue")).isEmpty();
        Map<String, Object> row = board.getMap("dueThisWeek.find { it.actionItemId == " + ids.first() + " }");
        assertThat(row).containsEntry("redateCount", 1).containsEntry("lastDecision", "REDATE")
                .containsEntry("lastReviewedAt", "2026-03-10T12:00:00Z");
        asViewer().get("/api/reviews/2026-W11").then().body("decisions", hasSize(1))
                .body("decisions[0].note", equalTo("Alice follows up"));
    }

    @Test
    void doneAndDropDecisionsCloseTheItem() {
        Scenarios.Ranked ids = itemsDue("Closed", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");
        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "DONE"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201)
                .body("actionItem.status", equalTo("DONE"))
                .body("actionItem.completedAt", equalTo("2026-03-10T12:00:00Z"));
        asEditor().body(Map.of("actionItemId", ids.second(), "decision", "DROP", "reason", "superseded"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201)
                .body("actionItem.status", equalTo("DROPPED"));
        assertThat(board("").getList("doneSinceLastReview.actionItemId", Long.class)).containsExactly(ids.first());
        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(409);
    }

    @Test
    void decisionsAreRefusedWithClearReasons() {
        Scenarios.Ranked ids = itemsDue("Refusals", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");
        asEditor().body(Map.of("actionItemId", 99_999_999, "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(404);
        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                .post("/api/reviews/2026-W12/decisions").then().statusCode(404);
        asEditor().body(Map.of("week", "2026-W54")).post("/api/reviews").then().statusCode(400)
                .body("errors.field", contains("week"));
        asViewer().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(403);
    }

    /** Decisions on an item overdue since 2026-03-05 that the review refuses, and the fields each names. */
    static Stream<Arguments> refusedDecisions() {
        return Stream.of(
                arguments(Map.of("decision", "REDATE"), List.of("newDueDate", "reason")),
                arguments(Map.of("decision", "REDATE", "newDueDate", "2026-03-01", "reason", "x"),
                        List.of("newDueDate")),
                // A year past 9999 broke the calendar feed (a 500) and the monthly report.
                arguments(Map.of("decision", "REDATE", "newDueDate", "+10000-01-01", "reason", "x"),
                        List.of("newDueDate")),
                arguments(Map.of("decision", "DROP"), List.of("reason")),
                arguments(Map.of("decision", "MAYBE"), List.of("decision")),
                // A date typed with Keep chosen was dropped without a word.
                arguments(Map.of("decision", "KEEP", "newDueDate", "2026-03-20"), List.of("newDueDate")));
    }

    /**
     * A decision and the finish of its review, sent at the same moment, ten times over: the decision is either in the
     * review (and its item then not "not discussed") or refused; never recorded in a review that lists it as not
     * discussed.
     */
    @Test
    void aDecisionRacingTheFinishIsEitherInTheReviewOrRefused() throws Exception {
        Scenarios.Ranked ids = itemsDue("Racing", "2026-03-05", "2026-03-20", "2026-04-01");
        ExecutorService meeting = Executors.newFixedThreadPool(2);
        try {
            for (int week = 1; week <= 10; week++) {
                String name = "2026-W%02d".formatted(week);
                asEditor().body(Map.of("week", name)).post("/api/reviews").then().statusCode(201);
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> decided = meeting.submit(() -> {
                    go.await();
                    return asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                            .post("/api/reviews/" + name + "/decisions").statusCode();
                });
                Future<Integer> finished = meeting.submit(() -> {
                    go.await();
                    return asEditor().body(Map.of()).post("/api/reviews/" + name + "/finish").statusCode();
                });
                go.countDown();

                assertThat(finished.get()).isEqualTo(200);
                JsonPath review = asViewer().get("/api/reviews/" + name).jsonPath();
                List<Integer> notDiscussed = review.getList("notDiscussed", Integer.class);
                if (decided.get() == 201) {
                    assertThat(notDiscussed).as(name).doesNotContain((int) ids.first());
                } else {
                    assertThat(decided.get()).as(name).isEqualTo(409);
                    assertThat(review.getList("decisions")).as(name).isEmpty();
                    assertThat(notDiscussed).as(name).contains((int) ids.first());
                }
            }
        } finally {
            meeting.shutdown();
        }
    }

    @Test
    void reDatingToTheSameDateIsRefusedAndCountsNoSlip() {
        Scenarios.Ranked ids = itemsDue("Same date", "2026-03-05", "2026-03-20", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");

        asEditor().body(Map.of("actionItemId", ids.second(), "decision", "REDATE", "newDueDate", "2026-03-20",
                        "reason", "a second click"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(400)
                .body("errors.field", contains("newDueDate"));

        Map<String, Object> row = board("").getMap("later.find { it.actionItemId == " + ids.second() + " }");
        assertThat(row).containsEntry("redateCount", 0);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("refusedDecisions")
    void invalidDecisionIsRefusedNamingTheFields(Map<String, Object> decision, List<String> fields) {
        Scenarios.Ranked ids = itemsDue("Refusals", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");
        Map<String, Object> body = new HashMap<>(decision);
        body.put("actionItemId", ids.first());
        asEditor().body(body).post("/api/reviews/2026-W11/decisions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(fields.toArray()));
    }

    @Test
    void aStartThatLosesTheRaceToAnotherStartOfTheWeekOpensTheOthersReview() throws Exception {
        reviews.start("2026-W10", "bob");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            // The other start has inserted the week's review and not yet committed when this one looks for it.
            QuarkusTransaction.begin();
            Review.start("2026-W11", "alice", MutableClock.DEFAULT_NOW).persistAndFlush();
            Future<ReviewService.Started> started = second.submit(() -> reviews.start("2026-W11", "bob"));
            Thread.sleep(700);
            QuarkusTransaction.commit();

            assertThat(started.get(30, TimeUnit.SECONDS).created()).isFalse();
        } finally {
            if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                QuarkusTransaction.rollback();
            }
            second.shutdownNow();
        }
        asViewer().get("/api/reviews/2026-W11").then().statusCode(200).body("startedBy", equalTo("alice"));
    }

    /**
     * An editor saves the item's post-mortem while the meeting decides on the item: the decision waits for the save,
     * then judges the item as it is after it, rather than failing on the post-mortem's version it read before.
     */
    @Test
    void aDecisionThatWaitsForASaveOfItsPostMortemIsRecordedAfterIt() throws Exception {
        Scenarios.Ranked ids = itemsDue("Saved meanwhile", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);
        ExecutorService meeting = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.begin();
            em.createNativeQuery("update postmortem set title = 'Saved meanwhile, renamed', version = version + 1"
                    + " where id = ?1").setParameter(1, ids.postmortem()).executeUpdate();
            Future<Integer> decided = meeting.submit(() -> asEditor()
                    .body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                    .post("/api/reviews/2026-W11/decisions").statusCode());
            Thread.sleep(700);
            QuarkusTransaction.commit();

            assertThat(decided.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                QuarkusTransaction.rollback();
            }
            meeting.shutdownNow();
        }
        asViewer().get("/api/reviews/2026-W11").then().statusCode(200)
                .body("decisions.actionItemId", contains((int) ids.first()));
    }

    @Test
    void itemsNotDiscussedAreFlaggedOnNextWeeksBoard() {
        Scenarios.Ranked ids = itemsDue("Not discussed", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");
        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201);
        asEditor().body(Map.of("attendees", List.of("Alice", "Bob"))).post("/api/reviews/2026-W11/finish")
                .then().statusCode(200)
                .body("attendees", contains("Alice", "Bob"))
                .body("notDiscussed", contains((int) ids.second(), (int) ids.third()))
                .body("finishedBy", equalTo("erin"));
        asEditor().body(Map.of("actionItemId", ids.second(), "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(409);

        clock.set(Instant.parse("2026-03-17T09:00:00Z"));
        JsonPath next = board("");
        assertThat(next.getString("lastReview")).isEqualTo("2026-W11");
        assertThat(next.getList("overdue.findAll { it.notDiscussedLastReview }.actionItemId", Long.class))
                .containsExactly(ids.second());
        assertThat(next.getList("overdue.findAll { !it.notDiscussedLastReview }.actionItemId", Long.class))
                .containsExactly(ids.first());
        asViewer().get("/api/reviews").then().statusCode(200).body("week", contains("2026-W11"))
                .body("[0].decisions", equalTo(1)).body("[0].notDiscussed", equalTo(2));
    }

    @Test
    void thePastReviewsAreListedInTheSameNumberOfStatementsWhateverTheirNumber() {
        Scenarios.Ranked ids = itemsDue("Listed", "2026-03-05", "2026-03-06", "2026-04-01");
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);
        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201);
        asEditor().body(Map.of()).post("/api/reviews/2026-W11/finish").then().statusCode(200);
        long one = listStatements();
        // More than Hibernate fetches in one batch (16), so that loading each review's lists would show.
        for (int week = 10; week < 50; week++) {
            asEditor().body(Map.of("week", "2025-W" + week)).post("/api/reviews").then().statusCode(201);
        }

        assertThat(listStatements()).isEqualTo(one);
        asViewer().get("/api/reviews").then().statusCode(200).body("size()", equalTo(41))
                .body("find { it.week == '2026-W11' }.decisions", equalTo(1))
                .body("find { it.week == '2026-W11' }.notDiscussed", equalTo(2))
                .body("find { it.week == '2025-W10' }.decisions", equalTo(0));
    }

    private long listStatements() {
        sessions.getStatistics().clear();
        asViewer().get("/api/reviews").then().statusCode(200);
        return sessions.getStatistics().getPrepareStatementCount();
    }

    @Test
    void boardIssuesTheSameNumberOfStatementsWhateverTheNumberOfItems() {
        itemsDue("Few", "2026-03-05", "2026-03-12", "2026-04-01");
        long few = statements();
        for (int i = 0; i < 10; i++) {
            Scenarios.Ranked ids = itemsDue("Many " + i, "2026-03-05", "2026-03-12", "2026-04-01");
            asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews");
            asEditor().body(Map.of("actionItemId", ids.first(), "decision", "KEEP"))
                    .post("/api/reviews/2026-W11/decisions");
        }
        assertThat(statements()).isEqualTo(few);
    }

    private long statements() {
        sessions.getStatistics().clear();
        boards.board(LocalDate.parse("2026-03-10"), OpenWork.Filter.NONE);
        return sessions.getStatistics().getPrepareStatementCount();
    }
}
