package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
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
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links between post-mortems (related, same cause as), on both pages, and the suggestions of likely related ones. */
@QuarkusTest
class RelatedIncidentsTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static long incident(String title, int daysAgo, List<String> services, List<Integer> factors) {
        return Scenarios.create(PostMortemJson.minimal().with("title", title)
                .with("startedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofDays(daysAgo)).toString())
                .with("services", services)
                .with("factors", factors.stream().map(id -> Map.of("factorId", id)).toList()));
    }

    private static void link(long from, long to, String kind, int status) {
        asEditor().body(Map.of("postmortemId", to, "kind", kind)).post("/api/postmortems/{id}/links", from)
                .then().statusCode(status);
    }

    @Test
    void aLinkShowsOnBothPostMortems() {
        long first = incident("Checkout pool exhausted", 40, List.of("checkout"), List.of());
        long second = incident("Checkout pool exhausted again", 1, List.of("checkout"), List.of());
        link(second, first, "SAME_CAUSE", 201);
        asViewer().get("/api/postmortems/{id}", second).then().body("links.postmortemId", contains((int) first))
                .body("links.kind", contains("SAME_CAUSE"));
        asViewer().get("/api/postmortems/{id}", first).then().body("links.postmortemId", contains((int) second))
                .body("links.title", contains("Checkout pool exhausted again"));
        Document page = WebSession.asViewer().page("/postmortems/" + first);
        assertThat(page.select("[data-testid=link]").eachText()).singleElement().asString()
                .startsWith("#" + second + " Checkout pool exhausted again — same cause");
    }

    @Test
    void aPairIsLinkedOnceAndNeverToItself() {
        long first = incident("One", 3, List.of(), List.of());
        long second = incident("Two", 2, List.of(), List.of());
        link(first, second, "RELATED", 201);
        link(second, first, "SAME_CAUSE", 409);
        asEditor().body(Map.of("postmortemId", first, "kind", "RELATED")).post("/api/postmortems/{id}/links", first)
                .then().statusCode(400).body("errors.field", contains("postmortemId"));
        asEditor().body(Map.of("postmortemId", 987654, "kind", "RELATED")).post("/api/postmortems/{id}/links", first)
                .then().statusCode(400).body("errors.field", contains("postmortemId"));
        asEditor().body(Map.of("postmortemId", second, "kind", "COUSIN")).post("/api/postmortems/{id}/links", first)
                .then().statusCode(400);
        asViewer().body(Map.of("postmortemId", second, "kind", "RELATED")).post("/api/postmortems/{id}/links", first)
                .then().statusCode(403);
    }

    @Test
    void deletingALinkedDraftEndsTheLinkInTheOtherHistoryToo() {
        long kept = incident("Kept", 3, List.of(), List.of());
        long deleted = incident("Thrown away", 2, List.of(), List.of());
        link(deleted, kept, "SAME_CAUSE", 201);

        asEditor().delete("/api/postmortems/{id}", deleted).then().statusCode(204);

        asViewer().get("/api/postmortems/{id}", kept).then().body("links", equalTo(List.of()));
        JsonPath history = asViewer().get("/api/postmortems/{id}/history", kept).jsonPath();
        assertThat(history.getString("[0].action")).isEqualTo("postmortem.unlinked");
        assertThat(history.getList("[0].changes.field")).containsExactly("links");
        assertThat(history.getString("[0].changes[0].from")).isEqualTo("SAME_CAUSE #" + deleted + " Thrown away");
        assertThat(history.getString("[0].changes[0].to")).isNull();
    }

    @Test
    void eitherSideRemovesTheLinkAndBothHistoriesSayIt() {
        long first = incident("One", 3, List.of(), List.of());
        long second = incident("Two", 2, List.of(), List.of());
        link(first, second, "RELATED", 201);
        asEditor().delete("/api/postmortems/{id}/links/{other}", second, first).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", first).then().body("links", equalTo(List.of()));
        asEditor().delete("/api/postmortems/{id}/links/{other}", second, first).then().statusCode(404);
        asEditor().delete("/api/postmortems/{id}/links/{other}", first, first).then().statusCode(404)
                .contentType("application/problem+json");
        for (long id : List.of(first, second)) {
            assertThat(asViewer().get("/api/postmortems/{id}/history", id).jsonPath().getList("action", String.class))
                    .contains("postmortem.linked", "postmortem.unlinked");
        }
    }

    @Test
    void aDraftWithLinksCanStillBeDeleted() {
        long first = incident("One", 3, List.of(), List.of());
        long second = incident("Two", 2, List.of(), List.of());
        link(first, second, "RELATED", 201);
        asEditor().delete("/api/postmortems/{id}", second).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", first).then().statusCode(200).body("links", equalTo(List.of()));
    }

    @Test
    void likelyRelatedOnesAreSuggestedWithTheirReasons() {
        long written = incident("Checkout connection pool exhausted", 0, List.of("checkout"), List.of(2));
        long sameService = incident("Payments slow", 10, List.of("checkout"), List.of());
        long sameFactor = incident("Search config typo", 30, List.of("search"), List.of(2));
        long similarTitle = incident("Connection pool exhausted on login", 300, List.of("login"), List.of());
        long tooOld = incident("Checkout down", 200, List.of("checkout"), List.of(2));
        incident("Unrelated outage", 5, List.of("mail"), List.of(7));
        JsonPath suggestions = asViewer().get("/api/postmortems/{id}/suggestions", written).then().statusCode(200)
                .extract().jsonPath();
        assertThat(suggestions.getList("postmortemId", Long.class))
                .containsExactlyInAnyOrder(sameService, sameFactor, similarTitle).doesNotContain(tooOld);
        assertThat(suggestions.getList("find { it.postmortemId == " + similarTitle + " }.reasons", String.class))
                .containsExactly("similar title: connection, exhausted, pool");
        assertThat(suggestions.getList("find { it.postmortemId == " + sameFactor + " }.reasons", String.class))
                .containsExactly("same contributing factor: Configuration");
        link(written, sameService, "RELATED", 201);
        assertThat(asViewer().get("/api/postmortems/{id}/suggestions", written).jsonPath()
                .getList("postmortemId", Long.class)).doesNotContain(sameService);
    }

    @Test
    void theWritersPageSuggestsAndLinksInOneClick() {
        long written = incident("Checkout connection pool exhausted", 0, List.of("checkout"), List.of());
        long earlier = incident("Checkout slow", 10, List.of("checkout"), List.of());
        WebSession editor = WebSession.asEditor();
        Document page = editor.page("/postmortems/" + written);
        assertThat(page.select("[data-testid=suggestion]").eachText()).singleElement().asString()
                .contains("#" + earlier + " Checkout slow", "same service: checkout");
        assertThat(editor.submit(page, "[data-testid=suggestion] form", Map.of()).statusCode()).isEqualTo(303);
        asViewer().get("/api/postmortems/{id}", earlier).then().body("links.postmortemId", contains((int) written));
    }
}
