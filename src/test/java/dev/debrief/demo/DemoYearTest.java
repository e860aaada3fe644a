package dev.debrief.demo;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DEBRIEF_DEMO=true: a realistic year on an empty database, once, and an admin's way to remove it. */
@QuarkusTest
class DemoYearTest {

    @Inject
    TestData data;

    @Inject
    DemoYear demo;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void theYearFollowsTheArticleAsTheMonthlyReportShowsIt() {
        assertThat(demo.load()).isTrue();

        List<Map<String, Object>> months = asViewer().get("/api/reports/monthly").then().statusCode(200)
                .extract().jsonPath().getList("months");
        assertThat(months).hasSize(13);
        Map<String, Object> first = months.get(0);
        Map<String, Object> last = months.get(11);
        assertThat(first.get("incidents")).isEqualTo(15);
        assertThat(last.get("incidents")).isEqualTo(3);
        assertThat(((Number) first.get("meanTimeToResolveMinutes")).doubleValue()).isEqualTo(90.0);
        assertThat(((Number) last.get("meanTimeToResolveMinutes")).doubleValue()).isEqualTo(20.0);
        assertThat(((Number) first.get("meanTimeToDetectMinutes")).doubleValue()).isEqualTo(15.0);
        assertThat(((Number) last.get("meanTimeToDetectMinutes")).doubleValue()).isEqualTo(2.0);
        List<Integer> incidents = months.subList(0, 12).stream().map(m -> (Integer) m.get("incidents")).toList();
        assertThat(incidents).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        int completed = months.subList(0, 12).stream().mapToInt(m -> (Integer) m.get("actionItemsCompleted")).sum();
        assertThat(completed).isGreaterThan(100);
        int published = months.subList(0, 12).stream().mapToInt(m -> (Integer) m.get("postmortemsPublished")).sum();
        int onTime = months.subList(0, 12).stream().mapToInt(m -> (Integer) m.get("publishedWithin48h")).sum();
        assertThat(onTime).isGreaterThan(published / 2).isLessThan(published);
    }

    @Test
    void theBoardHasOverdueItemsAndTheReviewsHoldDecisions() {
        demo.load();

        JsonPath board = asViewer().get("/api/board").then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("overdue")).isNotEmpty();
        assertThat(board.getList("overdue.owner", String.class)).doesNotContainNull();
        JsonPath reviews = asViewer().get("/api/reviews").then().statusCode(200).extract().jsonPath();
        assertThat(reviews.getList("$")).hasSize(12);
        String week = reviews.getString("[0].week");
        assertThat(asViewer().get("/api/reviews/" + week).then().statusCode(200).extract().jsonPath()
                .getList("decisions")).isNotEmpty();
    }

    @Test
    void titlesAndTextsReadLikeRealIncidents() {
        demo.load();

        JsonPath list = asViewer().queryParam("size", 200).get("/api/postmortems").then().statusCode(200)
                .extract().jsonPath();
        List<String> titles = list.getList("items.title", String.class);
        assertThat(new HashSet<>(titles)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(titles).noneMatch(t -> t.matches("(?i)incident\\s*\\d+"));
        long id = asViewer().queryParam("status", "PUBLISHED").get("/api/postmortems").jsonPath().getLong("items[0].id");
        JsonPath pm = asViewer().get("/api/postmortems/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(pm.getString("whyDetectionFailed")).isNotBlank().doesNotContain("%s");
        assertThat(pm.getList("actionItems")).hasSize(3);
        assertThat(pm.getList("actionItems.dueDate")).doesNotContainNull();
    }

    @Test
    void itLoadsOnlyIntoAnEmptyDatabaseAndOnlyOnce() {
        Scenarios.create(PostMortemJson.complete());
        assertThat(demo.load()).isFalse();
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isEqualTo(1);

        data.reset();
        assertThat(demo.load()).isTrue();
        int total = asViewer().get("/api/postmortems").jsonPath().getInt("total");
        asAdmin().delete("/api/demo").then().statusCode(204);
        assertThat(demo.load()).as("a demo removed does not come back").isFalse();
        assertThat(total).isGreaterThan(90);
    }

    @Test
    void removingTheDemoKeepsWhatWasWrittenSinceAndOnlyAnAdminMayDoIt() {
        demo.load();
        long mine = Scenarios.create(PostMortemJson.complete().with("title", "Written after the demo"));

        asEditor().delete("/api/demo").then().statusCode(403);
        asAdmin().delete("/api/demo").then().statusCode(204);

        assertThat(asViewer().get("/api/postmortems").jsonPath().getList("items.id", Long.class)).containsExactly(mine);
        asViewer().get("/api/reviews").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        // A change that deleted a hundred post-mortems leaves its row in the trail, as every change does.
        JsonPath removal = asAdmin().get("/api/audit?action=demo.removed").then().statusCode(200).extract().jsonPath();
        assertThat(removal.getList("items.actor")).containsExactly("admin");
        assertThat(removal.getList("items[0].changes.field")).containsExactly("postmortems", "actionItems", "reviews");
        assertThat(removal.getString("items[0].changes.find { it.field == 'postmortems' }.from")).isEqualTo("100");
        asAdmin().delete("/api/demo").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theHomePageSaysItIsADemoAndOffersAdminsTheButton() {
        demo.load();

        assertThat(WebSession.asViewer().page("/").select("[data-testid=demo-notice]")).hasSize(1);
        assertThat(WebSession.asViewer().page("/").select("[data-testid=remove-demo]")).isEmpty();
        WebSession admin = WebSession.signIn("admin", dev.debrief.support.Api.ADMIN_PASSWORD);
        Document home = admin.page("/");
        Response removed = admin.submit(home, "form[action=/demo/remove]", Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(admin.page("/").select("[data-testid=demo-notice]")).isEmpty();
        assertThat(admin.page("/").select("[data-testid=empty-state]")).hasSize(1);
    }

    @Test
    void eachMonthsMinutesAddUpToItsTargetMean() {
        Random random = new Random(7);
        for (int count : new int[] {1, 3, 5, 15}) {
            for (double mean : new double[] {2, 15, 20, 57.3, 90}) {
                long[] values = DemoYear.spread(random, count, mean, 0.5);
                long sum = 0;
                Set<Long> seen = new HashSet<>();
                for (long v : values) {
                    assertThat(v).isPositive();
                    sum += v;
                    seen.add(v);
                }
                assertThat(sum).as(count + " x " + mean).isEqualTo(Math.round(mean * count));
                if (count > 3 && mean > 10) {
                    assertThat(seen).as("the values vary").hasSizeGreaterThan(1);
                }
            }
        }
    }
}
