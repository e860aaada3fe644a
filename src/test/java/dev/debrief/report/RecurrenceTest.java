package dev.debrief.report;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services and factors that came back within the window, on the fixed test clock (now is 2026-03-10 12:00 UTC). */
@QuarkusTest
class RecurrenceTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    SessionFactory sessions;

    @Inject
    RecurrenceService recurrences;

    private long checkoutOld;
    private long checkoutRecent;
    private long searchOnce;

    private static long incident(String title, int daysAgo, List<String> services, List<Integer> factors) {
        Instant started = MutableClock.DEFAULT_NOW.minus(Duration.ofDays(daysAgo));
        return Scenarios.create(PostMortemJson.minimal().with("title", title).with("startedAt", started.toString())
                .with("services", services)
                .with("factors", factors.stream().map(id -> Map.of("factorId", id)).toList()));
    }

    /**
     * Checkout failed 80 and 10 days ago, both times by configuration (factor 2); search once; checkout also 120 days
     * ago, outside a 90-day window. The older checkout incident's items are all done; the recent one's are open.
     */
    @BeforeEach
    void history() {
        data.reset();
        incident("Checkout, long ago", 120, List.of("checkout"), List.of(2));
        checkoutOld = incident("Checkout pool exhausted", 80, List.of("checkout"), List.of(2));
        checkoutRecent = incident("Checkout pool again", 10, List.of("checkout", "payments"), List.of(2, 3));
        searchOnce = incident("Search stale", 5, List.of("search"), List.of(3));
        for (int rank = 1; rank <= 2; rank++) {
            Map<String, Object> done = PostMortemJson.item(rank);
            done.put("status", "DONE");
            done.put("completedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofDays(60)).toString());
            Scenarios.addItem(checkoutOld, done);
        }
        Scenarios.addItem(checkoutRecent, PostMortemJson.item(1));
    }

    @Test
    void servicesAndFactorsSeenTwiceInTheWindowRecur() {
        JsonPath json = asViewer().get("/api/reports/recurrence?days=90").then().statusCode(200).extract().jsonPath();
        assertThat(json.getInt("days")).isEqualTo(90);
        assertThat(json.getList("services.name")).containsExactly("checkout");
        assertThat(json.getList("services[0].postmortems.id", Long.class)).containsExactly(checkoutRecent, checkoutOld);
        assertThat(json.getList("factors.name")).containsExactly("Capacity", "Configuration");
        assertThat(json.getList("factors[0].postmortems.id", Long.class)).containsExactly(searchOnce, checkoutRecent);
        assertThat(json.getInt("factors[1].incidents")).isEqualTo(2);
    }

    @Test
    void eachPostMortemSaysWhetherItsFollowUpWasDone() {
        JsonPath json = asViewer().get("/api/reports/recurrence").jsonPath();
        assertThat(json.getInt("services[0].withOpenItems")).isEqualTo(1);
        Map<String, Object> recent = json.getMap("services[0].postmortems[0]");
        Map<String, Object> old = json.getMap("services[0].postmortems[1]");
        assertThat(recent).containsEntry("actionItems", 1).containsEntry("actionItemsOpen", 1)
                .containsEntry("followedUp", false);
        assertThat(old).containsEntry("actionItems", 2).containsEntry("actionItemsDone", 2)
                .containsEntry("followedUp", true);
    }

    @Test
    void theWindowFollowsTheClockAndItsLength() {
        asViewer().get("/api/reports/recurrence?days=30").then().body("services", equalTo(List.of()))
                .body("factors.name", contains("Capacity"));
        asViewer().get("/api/reports/recurrence?days=200").then().body("services[0].incidents", equalTo(3));
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofDays(5)));
        asViewer().get("/api/reports/recurrence?days=90").then().body("services[0].incidents", equalTo(2));
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofDays(15)));
        asViewer().get("/api/reports/recurrence?days=90").then().body("services", equalTo(List.of()));
    }

    @Test
    void aBadWindowIsRefusedNamingIt() {
        asViewer().get("/api/reports/recurrence?days=0").then().statusCode(400).body("errors.field", contains("days"));
        asViewer().get("/api/reports/recurrence?days=x").then().statusCode(400).body("errors.field", contains("days"));
    }

    @Test
    void theStatementsDoNotGrowWithTheHistory() {
        sessions.getStatistics().clear();
        recurrences.recurrence(90, null, null);
        long few = sessions.getStatistics().getPrepareStatementCount();
        for (int i = 0; i < 5; i++) {
            incident("More checkout " + i, 3 + i, List.of("checkout"), List.of(2));
        }
        sessions.getStatistics().clear();
        recurrences.recurrence(90, null, null);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(few).isEqualTo(3);
    }

    @Test
    void theMonthlyPageShowsWhatRecurs() {
        Document page = WebSession.asViewer().page("/reports/monthly");
        assertThat(page.select("[data-testid=recurring]").eachText()).containsExactly(
                "Service: checkout, 2 incidents, 1 with action items still open",
                "Factor: Capacity, 2 incidents, 1 with action items still open",
                "Factor: Configuration, 2 incidents, 1 with action items still open");
        assertThat(page.select("[data-testid=recurring-postmortem] a").eachAttr("href"))
                .contains("/postmortems/" + checkoutOld);
    }
}
