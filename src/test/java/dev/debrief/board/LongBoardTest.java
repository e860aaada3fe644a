package dev.debrief.board;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import dev.debrief.postmortem.OpenWork;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A board with more than 100 items in a section, on the fixed clock (Tuesday 2026-03-10, week 2026-03-09 to
 * 2026-03-15): each section holds its first 100 rows, the counts stay exact, and the rest come on demand.
 */
@QuarkusTest
class LongBoardTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");

    /** Due over the seven days before the board's week: overdue by 3 to 9 days. */
    private static final IntFunction<LocalDate> OVERDUE = n -> MARCH_1.plusDays(n % 7);

    /** Due from today to the end of the week. */
    private static final IntFunction<LocalDate> THIS_WEEK = n -> LocalDate.parse("2026-03-10").plusDays(n % 6);

    /** Due in April, every fifth without a due date. */
    private static final IntFunction<LocalDate> LATER = n -> n % 5 == 0 ? null
            : LocalDate.parse("2026-04-01").plusDays(n % 4);

    private static final IntFunction<String> ALICE_AND_BOB = n -> n % 2 == 0 ? "alice" : "bob";

    @Inject
    TestData data;

    @Inject
    BoardService boards;

    @Inject
    SessionFactory sessions;

    @BeforeEach
    void reset() {
        data.reset();
    }

    /** A seeded section: the items' ids with what decides their order on the board. */
    private record Seeded(List<Long> ids, IntFunction<LocalDate> due) {

        /**
         * The ids in the order the board sorts a section: by due date (none last), then rank (n % 3 + 1 as seeded),
         * then id. Said here independently of the queries, as the board's comparators said it before them.
         */
        List<Long> inBoardOrder() {
            Comparator<Integer> order = Comparator.comparing(due::apply,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            return IntStream.range(0, ids.size()).boxed()
                    .sorted(order.thenComparing(n -> n % 3).thenComparing(ids::get))
                    .map(ids::get).toList();
        }

        /** The same, only the items {@code kept} keeps (by their seeding index). */
        List<Long> inBoardOrder(IntPredicate kept) {
            List<Long> keptIds = IntStream.range(0, ids.size()).filter(kept).mapToObj(ids::get).toList();
            return inBoardOrder().stream().filter(keptIds::contains).toList();
        }
    }

    private Seeded seed(int count, IntFunction<String> owner, IntFunction<LocalDate> due) {
        return new Seeded(data.openItems(count, owner, due), due);
    }

    private static JsonPath board(String query) {
        return asViewer().get("/api/board" + query).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath section(String section, String query) {
        return asViewer().get("/api/board/sections/" + section + query).then().statusCode(200).extract().jsonPath();
    }

    /** The board's first rows of {@code section}, then every further page of 100 the section endpoint gives. */
    private static List<Long> everyRow(JsonPath board, String section, String filters) {
        List<Long> rows = new ArrayList<>(board.getList(section + ".actionItemId", Long.class));
        int total = board.getInt("counts." + section);
        for (int offset = rows.size(); offset < total; offset += 100) {
            JsonPath page = section(section, "?offset=" + offset + "&limit=100" + filters);
            assertThat(page.getInt("total")).isEqualTo(total);
            assertThat(page.getInt("offset")).isEqualTo(offset);
            assertThat(page.getList("items")).hasSize(Math.min(100, total - offset));
            rows.addAll(page.getList("items.actionItemId", Long.class));
        }
        return rows;
    }

    @Test
    void aSectionShowsItsFirstHundredRowsWithTheExactCount() {
        Seeded overdue = seed(250, ALICE_AND_BOB, OVERDUE);

        JsonPath board = board("");

        assertThat(board.getList("overdue.actionItemId", Long.class))
                .containsExactlyElementsOf(overdue.inBoardOrder().subList(0, 100));
        assertThat(board.getInt("counts.overdue")).isEqualTo(250);
        assertThat(board.getList("owners.owner", String.class)).containsExactly("alice", "bob");
        assertThat(board.getList("owners.overdue", Integer.class)).containsExactly(125, 125);
        assertThat(board.getList("owners.open", Integer.class)).containsExactly(125, 125);
        assertThat(board.getInt("overdue[0].daysOverdue")).isEqualTo(9);
    }

    @Test
    void theRestOfEachSectionFollowsInOrderWithNoGapOrOverlap() {
        Seeded overdue = seed(130, ALICE_AND_BOB, OVERDUE);
        Seeded thisWeek = seed(120, ALICE_AND_BOB, THIS_WEEK);
        Seeded later = seed(150, ALICE_AND_BOB, LATER);
        List<Long> done = data.openItems(120, n -> "carol", n -> MARCH_1);
        data.sql("update action_item set status = 'DONE', completed_at = timestamp with time zone"
                + " '2026-03-09 10:00:00+00' where owner = 'carol'");

        JsonPath board = board("");

        assertThat(everyRow(board, "overdue", "")).containsExactlyElementsOf(overdue.inBoardOrder());
        assertThat(everyRow(board, "dueThisWeek", "")).containsExactlyElementsOf(thisWeek.inBoardOrder());
        assertThat(everyRow(board, "later", "")).containsExactlyElementsOf(later.inBoardOrder());
        assertThat(everyRow(board, "doneSinceLastReview", "")).containsExactlyElementsOf(done);
        assertThat(board.getList("later", Map.class)).hasSize(100);
        assertThat(board.getInt("counts.later")).isEqualTo(150);
    }

    @Test
    void aPagePastTheEndOfASectionIsEmptyButCountsTheSection() {
        seed(120, ALICE_AND_BOB, OVERDUE);

        JsonPath past = section("overdue", "?offset=500");

        assertThat(past.getList("items")).isEmpty();
        assertThat(past.getInt("total")).isEqualTo(120);
        assertThat(past.getInt("limit")).isEqualTo(100);
        assertThat(past.getString("section")).isEqualTo("overdue");
        assertThat(past.getString("asOf")).isEqualTo("2026-03-10");
    }

    @Test
    void theBoardsFiltersAndDayApplyToTheRestOfASection() {
        Seeded overdue = seed(250, ALICE_AND_BOB, OVERDUE);

        assertThat(everyRow(board("?owner=BOB"), "overdue", "&owner=BOB"))
                .containsExactlyElementsOf(overdue.inBoardOrder(n -> n % 2 == 1)).hasSize(125);
        JsonPath response = section("overdue", "?kind=RESPONSE&limit=500");
        assertThat(response.getInt("total")).isEqualTo(83);
        assertThat(response.getList("items.actionItemId", Long.class))
                .containsExactlyElementsOf(overdue.inBoardOrder(n -> n % 3 == 1));
        assertThat(section("overdue", "?severity=SEV1").getInt("total")).isZero();
        // Two weeks earlier, the same items are due after that week: the later section, soonest first.
        JsonPath earlier = section("later", "?asOf=2026-02-17&offset=100");
        assertThat(earlier.getInt("total")).isEqualTo(250);
        assertThat(earlier.getList("items.actionItemId", Long.class))
                .containsExactlyElementsOf(overdue.inBoardOrder().subList(100, 200));
        assertThat(earlier.getList("items.daysOverdue", Integer.class)).containsOnly(0);
    }

    @Test
    void theBoardIssuesTheSameNumberOfStatementsForFiveAndThreeHundredItems() {
        List<Long> first = data.openItems(5, ALICE_AND_BOB, n -> MARCH_1.plusDays(n * 7L));
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);
        asEditor().body(Map.of("actionItemId", first.get(0), "decision", "KEEP"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201);
        long five = statements();

        seed(100, ALICE_AND_BOB, OVERDUE);
        seed(100, ALICE_AND_BOB, THIS_WEEK);
        List<Long> later = data.openItems(95, ALICE_AND_BOB, LATER);
        for (Long item : later.subList(0, 3)) {
            asEditor().body(Map.of("actionItemId", item, "decision", "KEEP"))
                    .post("/api/reviews/2026-W11/decisions").then().statusCode(201);
        }

        assertThat(board("").getInt("counts.later")).isEqualTo(95 + 2);
        assertThat(statements()).isEqualTo(five);
    }

    @Test
    void aBoardShownAgainTranslatesNoneOfItsQueriesAgain() {
        seed(150, ALICE_AND_BOB, OVERDUE);
        seed(120, ALICE_AND_BOB, THIS_WEEK);
        statements();

        Statistics statistics = sessions.getStatistics();
        statistics.clear();
        boards.board(LocalDate.parse("2026-03-10"), OpenWork.Filter.NONE);

        // Hibernate counts two hits for a query it reuses whole (the text's meaning, then its SQL), and only the
        // first for one whose SQL it translates anew, as it does for every query that binds a list parameter. (The
        // statistics are the whole application's: a scheduled job's query may add hits of its own.)
        assertThat(statistics.getQueryExecutionCount()).isPositive();
        assertThat(statistics.getQueryPlanCacheMissCount()).isZero();
        assertThat(statistics.getQueryPlanCacheHitCount())
                .isGreaterThanOrEqualTo(2 * statistics.getQueryExecutionCount());
    }

    @Test
    void everyRowIsThereForCallersThatNeedThemAll() {
        Seeded overdue = seed(150, ALICE_AND_BOB, OVERDUE);

        Board all = boards.board(LocalDate.parse("2026-03-10"), OpenWork.Filter.NONE, BoardService.Rows.ALL);

        assertThat(all.overdue()).extracting(Board.ItemRow::actionItemId)
                .containsExactlyElementsOf(overdue.inBoardOrder());
        assertThat(all.counts().overdue()).isEqualTo(150);
    }

    /** Section parameters it refuses, as sent (already URL-encoded): the field each names. */
    @ParameterizedTest(name = "{0}?{1} is refused naming {2}")
    @CsvSource({
        "nope, offset=0, section",
        "Overdue, limit=10, section",
        "later, offset=-1, offset",
        "later, offset=x, offset",
        "later, limit=0, limit",
        "later, limit=501, limit",
        "later, limit=1.5, limit",
        "later, asOf=yesterday, asOf",
        "later, kind=NOPE, kind",
    })
    void invalidSectionParameterIsRefusedNamingIt(String section, String query, String field) {
        asViewer().urlEncodingEnabled(false).get("/api/board/sections/" + section + "?" + query).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    private long statements() {
        sessions.getStatistics().clear();
        boards.board(LocalDate.parse("2026-03-10"), OpenWork.Filter.NONE);
        return sessions.getStatistics().getPrepareStatementCount();
    }
}
