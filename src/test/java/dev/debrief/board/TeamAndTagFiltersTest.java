package dev.debrief.board;

import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.Severity;
import dev.debrief.report.MonthlyReportService;
import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code team=} and {@code tag=} on every surface that filters: the board (JSON and page), the calendar feed, the
 * monthly report (JSON, CSV and page), the post-mortem list page; the gauges' team label; and the statements the
 * board and the report issue, the same with the filters as without.
 */
@QuarkusTest
class TeamAndTagFiltersTest {

    @Inject
    TestData data;

    @Inject
    BoardMetrics metrics;

    @Inject
    MutableClock clock;

    @Inject
    SessionFactory sessions;

    @Inject
    BoardService boards;

    @Inject
    MonthlyReportService reports;

    private long paymentsItem;
    private long searchItem;
    private long untaggedItem;

    /**
     * Payments' post-mortem, tagged dns, has an item of its own team and one owned by Search; another post-mortem
     * has no team and no tag.
     */
    @BeforeEach
    void history() {
        data.reset();
        for (String team : List.of("Payments", "Search")) {
            asAdmin().body(Map.of("name", team)).post("/api/teams").then().statusCode(201);
        }
        long payments = Scenarios.create(PostMortemJson.complete().with("team", "Payments")
                .with("tags", List.of("dns")));
        Map<String, Object> overdue = PostMortemJson.item(1);
        overdue.put("dueDate", "2026-03-05");
        paymentsItem = Scenarios.addItem(payments, overdue);
        Map<String, Object> search = PostMortemJson.item(2);
        search.put("team", "Search");
        searchItem = Scenarios.addItem(payments, search);
        untaggedItem = Scenarios.addItem(Scenarios.create(PostMortemJson.complete().with("title", "Other")),
                PostMortemJson.item(1));
    }

    private static List<Long> boardItems(String query) {
        Map<String, Object> board = asViewer().get("/api/board?asOf=2026-03-10&" + query).then().statusCode(200)
                .extract().jsonPath().getMap("");
        return Stream.of("overdue", "dueThisWeek", "later")
                .flatMap(section -> ((List<?>) board.get(section)).stream())
                .map(row -> ((Number) ((Map<?, ?>) row).get("actionItemId")).longValue()).sorted().toList();
    }

    @Test
    void theBoardFiltersByTheItemsTeamElseThePostMortems() {
        assertThat(boardItems("team=payments")).containsExactly(paymentsItem);
        assertThat(boardItems("team=Search")).containsExactly(searchItem);
        assertThat(boardItems("tag=DNS")).containsExactly(paymentsItem, searchItem);
        assertThat(boardItems("team=Nobody")).isEmpty();
        assertThat(boardItems("")).containsExactly(paymentsItem, searchItem, untaggedItem);
    }

    @Test
    void theBoardCountsEachTeamsLoad() {
        List<Map<String, Object>> teams = asViewer().get("/api/board?asOf=2026-03-10").jsonPath().getList("teams");
        assertThat(teams).containsExactly(Map.of("team", "Payments", "overdue", 1, "open", 1),
                Map.of("team", "", "overdue", 0, "open", 1), Map.of("team", "Search", "overdue", 0, "open", 1));
    }

    @Test
    void theBoardPageFiltersAndShowsTheTeams() {
        Document page = WebSession.asViewer().page("/board?asOf=2026-03-10&team=Search");
        assertThat(page.select("[data-testid=board-row]")).hasSize(1);
        assertThat(page.select("#team option[selected]").text()).isEqualTo("Search");
        assertThat(page.select("[data-testid=team-row]").eachText()).containsExactly("Search 0 1");
        Document all = WebSession.asViewer().page("/board?asOf=2026-03-10&tag=dns");
        assertThat(all.select("[data-testid=board-row]")).hasSize(2);
        assertThat(all.select("#tags-in-use option").eachAttr("value")).containsExactly("dns");
    }

    @Test
    void theBoardIssuesAsManyStatementsWithTheFiltersAsWithout() {
        long without = statements(OpenWork.Filter.NONE);
        // Every filter at once, still matching an item: a board with no rows at all skips the tickets' read.
        long with = statements(new OpenWork.Filter("team-payments", "checkout", Severity.SEV2, ActionItemKind.DETECTION,
                "Payments", "dns"));
        assertThat(with).isEqualTo(without);
    }

    private long statements(OpenWork.Filter filter) {
        sessions.getStatistics().clear();
        boards.board(LocalDate.parse("2026-03-10"), filter);
        return sessions.getStatistics().getPrepareStatementCount();
    }

    @Test
    void theCalendarFiltersByTeamAndTag() {
        assertThat(events("team=search")).containsExactly("UID:action-item-" + searchItem + "@debrief");
        assertThat(events("tag=dns")).hasSize(2);
        assertThat(events("team=Payments&tag=nothing")).isEmpty();
    }

    private static List<String> events(String query) {
        return asViewer().accept("text/calendar").get("/api/calendar.ics?" + query).asString().lines()
                .filter(line -> line.startsWith("UID:")).toList();
    }

    @Test
    void theReportCountsATeamsIncidentsAndItems() {
        Map<String, Object> payments = asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&team=PAYMENTS")
                .jsonPath().getMap("totals");
        assertThat(payments).containsEntry("incidents", 1).containsEntry("actionItemsCreated", 1);
        Map<String, Object> search = asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&team=Search")
                .jsonPath().getMap("totals");
        assertThat(search).containsEntry("incidents", 0).containsEntry("actionItemsCreated", 1);
        Map<String, Object> dns = asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&tag=dns")
                .jsonPath().getMap("totals");
        assertThat(dns).containsEntry("incidents", 1).containsEntry("actionItemsCreated", 2);
    }

    @Test
    void theReportCsvFiltersAlike() throws Exception {
        String csv = asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&tag=dns&format=csv").asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("incidents")).isEqualTo("1"));
    }

    @Test
    void theReportPageKeepsTheFiltersInItsLinks() {
        Document page = WebSession.asViewer().page("/reports/monthly?from=2026-03&to=2026-03&team=Search&tag=dns");
        assertThat(page.select("[data-testid=incident-count]").text()).isEqualTo("0");
        assertThat(page.select("[data-testid=csv]").attr("href")).contains("team=Search", "tag=dns");
    }

    /** The page's links work with the page session alone: a person signed in through single sign-on has no password. */
    @Test
    void theReportPageDownloadsWithThePageSession() {
        WebSession viewer = WebSession.asViewer();
        Document page = viewer.page("/reports/monthly?from=2026-03&to=2026-03&tag=dns");

        Response csv = viewer.get(page.select("[data-testid=csv]").attr("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "debrief-monthly-2026-03-2026-03.csv");
        assertThat(csv.asString()).isEqualTo(
                asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&tag=dns&format=csv").asString());

        Response json = viewer.get(page.select("[data-testid=json]").attr("href"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.jsonPath().getMap("totals")).containsEntry("incidents", 1);
    }

    @Test
    void theReportIssuesAsManyStatementsWithTheFiltersAsWithout() {
        long without = reportStatements(MonthlyReportService.Filter.ALL);
        long with = reportStatements(new MonthlyReportService.Filter(null, "checkout", "Payments", "dns"));
        assertThat(with).isEqualTo(without).isEqualTo(11);
    }

    private long reportStatements(MonthlyReportService.Filter filter) {
        sessions.getStatistics().clear();
        reports.report(YearMonth.of(2025, 3), YearMonth.of(2026, 3), filter);
        return sessions.getStatistics().getPrepareStatementCount();
    }

    @Test
    void theListPageFiltersByTeamAndTag() {
        Document page = WebSession.asViewer().page("/postmortems?team=Payments&tag=dns");
        assertThat(page.select("[data-testid=result-row]")).hasSize(1);
        assertThat(page.select("[data-testid=result-row] [data-testid=team]").text()).isEqualTo("Payments");
        assertThat(page.select("[data-testid=result-row] [data-testid=tags]").text()).isEqualTo("dns");
    }

    @Test
    void aFilterTypedInAnotherCaseStaysChosenInTheControlsOfEveryPage() {
        WebSession viewer = WebSession.asViewer();

        Document board = viewer.page("/board?severity=sev1&kind=prevention&team=payments");
        assertThat(board.select("#severity option[selected]").val()).isEqualTo("SEV1");
        assertThat(board.select("#kind option[selected]").val()).isEqualTo("PREVENTION");
        assertThat(board.select("#team option[selected]").val()).isEqualTo("Payments");

        Document report = viewer.page("/reports/monthly?severity=sev2&team=SEARCH");
        assertThat(report.select("#severity option[selected]").val()).isEqualTo("SEV2");
        assertThat(report.select("#team option[selected]").val()).isEqualTo("Search");

        Document list = viewer.page("/postmortems?status=draft&severity=sev1&team=payments");
        assertThat(list.select("#status option[selected]").val()).isEqualTo("DRAFT");
        assertThat(list.select("#severity option[selected]").val()).isEqualTo("SEV1");
        assertThat(list.select("#team option[selected]").val()).isEqualTo("Payments");
    }

    @Test
    void theGaugesCarryTheOwningTeam() {
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(5)));
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract()
                .asString();
        assertThat(metrics).contains("debrief_action_items{status=\"OPEN\",team=\"Payments\",} 1.0")
                .contains("debrief_action_items{status=\"OPEN\",team=\"Search\",} 1.0")
                .contains("debrief_action_items{status=\"OPEN\",team=\"\",} 1.0")
                .contains("debrief_action_items_overdue{team=\"Payments\",} 1.0")
                .contains("debrief_action_items_overdue{team=\"Search\",} 0.0");
    }

    @Test
    void aTeamAddedByAnotherInstanceGetsItsGaugesAtTheNextFollowUp() {
        // What another instance (or an instance import) leaves in the shared database: a team this one never saw.
        data.sql("insert into team (id, name, name_key, created_at, updated_at, version) values (9001, 'Ledger',"
                + " 'ledger', timestamp with time zone '2026-03-01 09:00:00+00',"
                + " timestamp with time zone '2026-03-01 09:00:00+00', 0)");

        metrics.followTeams();

        assertThat(anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("debrief_action_items_overdue{team=\"Ledger\",} 0.0")
                .contains("debrief_action_items{status=\"OPEN\",team=\"Ledger\",} 0.0");
    }
}
