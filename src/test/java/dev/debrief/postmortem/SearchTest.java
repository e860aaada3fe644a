package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/postmortems?q=} and the list page: the words found in the title, the sections and the action
 * items, the most relevant first, the words marked; the filters around it; hostile queries (docs/api.md).
 */
@QuarkusTest
class SearchTest {

    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    @Inject
    EntityManager em;

    @Inject
    PostMortemService service;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static long create(String title, int hoursAgo, String field, String text) {
        PostMortemJson json = PostMortemJson.minimal().with("title", title)
                .with("startedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofHours(hoursAgo)).toString());
        return Scenarios.create(field == null ? json : json.with(field, text));
    }

    private static List<String> titlesFound(String query) {
        return asViewer().queryParam("q", query).get("/api/postmortems").then().statusCode(200).extract()
                .jsonPath().getList("items.title", String.class);
    }

    @Test
    void aWordInTheTitleRanksAboveTheSameWordInASection() {
        create("Disk filled on the primary", 20, null, null);
        create("Checkout errors", 2, "summary", "A disk alert came late.");
        assertThat(titlesFound("disk")).containsExactly("Disk filled on the primary", "Checkout errors");
    }

    @Test
    void aWordFoundMoreOftenRanksHigher() {
        create("Checkout errors", 2, "summary", "The cache was cold.");
        create("Login slow", 20, "whatHappened", "The cache expired; the cache refilled; the cache was cold.");
        assertThat(titlesFound("cache")).containsExactly("Login slow", "Checkout errors");
    }

    @Test
    void equallyRelevantPostMortemsAreNewestFirst() {
        create("Queue stalled in the morning", 30, null, null);
        create("Queue stalled at night", 3, null, null);
        create("Queue stalled at noon", 10, null, null);
        assertThat(titlesFound("queue stalled")).containsExactly("Queue stalled at night",
                "Queue stalled at noon", "Queue stalled in the morning");
    }

    @Test
    void everyWordMustBeFoundWholeUnlessItEndsWithAStar() {
        create("Disk full after deployment", 5, "impact", "Checkout down.");
        create("Disk full", 4, null, null);
        assertThat(titlesFound("disk checkout")).containsExactly("Disk full after deployment");
        assertThat(titlesFound("deploy")).isEmpty();
        assertThat(titlesFound("deploy*")).containsExactly("Disk full after deployment");
        assertThat(titlesFound("DISK")).containsExactly("Disk full", "Disk full after deployment");
    }

    @Test
    void actionItemTitlesAreSearchedAndFollowTheirChanges() {
        long id = create("Checkout errors", 5, null, null);
        Map<String, Object> item = PostMortemJson.item(1);
        item.put("title", "Rotate the certificates");
        long itemId = Scenarios.addItem(id, item);
        assertThat(titlesFound("certificates")).containsExactly("Checkout errors");
        asViewer().get("/api/postmortems/{id}", id).then().header("ETag", "\"0\"");
        item.put("title", "Renew the keys");
        item.put("version", 0);
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", id, itemId).then().statusCode(200);
        assertThat(titlesFound("certificates")).isEmpty();
        assertThat(titlesFound("keys")).containsExactly("Checkout errors");
    }

    @Test
    void aRevisedSectionIsFoundByItsNewWords() {
        long id = create("Checkout errors", 5, "summary", "The cache was cold.");
        Map<String, Object> revised = PostMortemJson.minimal().with("title", "Checkout errors")
                .with("startedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofHours(5)).toString())
                .with("summary", "A firewall rule dropped traffic.").with("version", 0).build();
        asEditor().body(revised).put("/api/postmortems/{id}", id).then().statusCode(200);
        assertThat(titlesFound("cache")).isEmpty();
        assertThat(titlesFound("firewall")).containsExactly("Checkout errors");
    }

    @Test
    void aDeletedDraftIsNoLongerFound() {
        long kept = create("Queue stalled", 5, null, null);
        long deleted = create("Queue stalled again", 3, null, null);
        assertThat(titlesFound("queue")).containsExactly("Queue stalled again", "Queue stalled");
        asEditor().delete("/api/postmortems/{id}", deleted).then().statusCode(204);
        asViewer().queryParam("q", "queue").get("/api/postmortems").then().statusCode(200)
                .body("items.id", contains((int) kept)).body("total", equalTo(1));
    }

    @Test
    void aNewStartTimeMovesAPostMortemAmongEquallyRelevantOnes() {
        long id = create("Queue stalled at first", 30, null, null);
        create("Queue stalled later", 3, null, null);
        assertThat(titlesFound("queue")).containsExactly("Queue stalled later", "Queue stalled at first");
        Map<String, Object> moved = PostMortemJson.minimal().with("title", "Queue stalled at first")
                .with("startedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofHours(1)).toString())
                .with("version", 0).build();
        asEditor().body(moved).put("/api/postmortems/{id}", id).then().statusCode(200);
        assertThat(titlesFound("queue")).containsExactly("Queue stalled at first", "Queue stalled later");
    }

    @Test
    void aPostMortemDeletedBehindTheApplicationsBackIsNeverListed() {
        create("Queue stalled", 5, null, null);
        long gone = create("Queue stalled again", 3, null, null);
        assertThat(titlesFound("queue")).hasSize(2);
        // Not through Debrief, so H2's index is not told; the list still shows only what is stored.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from postmortem where id = :id")
                .setParameter("id", gone).executeUpdate());
        asViewer().queryParam("q", "queue").get("/api/postmortems").then().statusCode(200)
                .body("items.title", contains("Queue stalled")).body("total", equalTo(1));
    }

    @Test
    void theJsonCarriesASnippetOfWhereTheWordsAreOnlyWhenSearching() {
        create("Checkout errors", 5, "whatHappened", "A config push disabled the payment connection pool.");
        asViewer().queryParam("q", "payment").get("/api/postmortems").then().statusCode(200)
                .body("items[0].snippet", equalTo("A config push disabled the payment connection pool."))
                .body("items[0].title", equalTo("Checkout errors"));
        asViewer().queryParam("q", "checkout").get("/api/postmortems").then().statusCode(200)
                .body("items[0]", not(hasKey("snippet")));
        asViewer().get("/api/postmortems").then().statusCode(200).body("items[0]", not(hasKey("snippet")));
    }

    @Test
    void hostileQueriesAreWordsOrAProblemNamingQNeverAnError() {
        create("Disk 100% full", 5, "summary", "It's the db_primary's \\ disk: (a & b) | !c");
        for (String q : List.of("100%", "_db_primary", "it's", "\"disk\"", "a & b | !c", "' or 1=1 --",
                "disk:* & (100)")) {
            asViewer().queryParam("q", q).get("/api/postmortems").then().statusCode(200);
        }
        assertThat(titlesFound("100%")).containsExactly("Disk 100% full");
        assertThat(titlesFound("' or 1=1 --")).isEmpty();
        for (String q : List.of("%", "_", "'", "\\", "&|!:*()", "a".repeat(10_000), "%'_\\\"".repeat(2_000),
                "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17")) {
            asViewer().queryParam("q", q).get("/api/postmortems").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("q"));
        }
    }

    @Test
    void theListFiltersByContributingFactor() {
        long dependency = Scenarios.create(PostMortemJson.minimal().with("title", "Upstream DNS failed")
                .with("factors", List.of(Map.of("factorId", 4))));
        create("Upstream config typo", 3, null, null);
        asViewer().queryParam("factor", "dependency").get("/api/postmortems").then().statusCode(200)
                .body("items.id", contains((int) dependency)).body("total", equalTo(1));
        asViewer().queryParam("factor", "Dependency").queryParam("q", "upstream").get("/api/postmortems")
                .then().body("items.id", contains((int) dependency));
        asViewer().queryParam("factor", "No such factor").get("/api/postmortems").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void theListFiltersByWhenTheIncidentStarted() {
        Scenarios.create(PostMortemJson.minimal().with("title", "February outage")
                .with("startedAt", "2026-02-20T10:00:00Z"));
        Scenarios.create(PostMortemJson.minimal().with("title", "March outage")
                .with("startedAt", "2026-03-02T23:30:00Z"));
        asViewer().queryParam("from", "2026-03-01").get("/api/postmortems").then().statusCode(200)
                .body("items.title", contains("March outage"));
        asViewer().queryParam("to", "2026-03-02").get("/api/postmortems").then()
                .body("items.title", contains("March outage", "February outage"));
        asViewer().queryParam("to", "2026-03-01").get("/api/postmortems").then()
                .body("items.title", contains("February outage"));
        asViewer().queryParam("from", "2026-02-20T10:00:01Z").queryParam("q", "outage").get("/api/postmortems")
                .then().body("items.title", contains("March outage"));
    }

    @Test
    void aBadDateOrAnEmptyRangeIsAProblemNamingIt() {
        asViewer().queryParam("from", "March").get("/api/postmortems").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        asViewer().queryParam("from", "2026-03-05").queryParam("to", "2026-03-01").get("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("to"));
    }

    @Test
    void theOtherFiltersNarrowASearch() {
        Scenarios.create(PostMortemJson.complete().with("title", "Payment timeouts").with("severity", "SEV1")
                .with("tags", List.of("dns")));
        long wanted = Scenarios.create(PostMortemJson.complete().with("title", "Payment retries")
                .with("services", List.of("ledger")).with("tags", List.of("dns")));
        asViewer().queryParam("q", "payment").queryParam("severity", "SEV2").queryParam("service", "ledger")
                .queryParam("tag", "DNS").queryParam("status", "draft").get("/api/postmortems").then()
                .statusCode(200).body("items.id", contains((int) wanted)).body("total", equalTo(1));
    }

    @Test
    void aPageBeyondTheLastStillSaysHowManyThereAre() {
        create("Disk full", 5, null, null);
        asViewer().queryParam("q", "disk").queryParam("page", 3).get("/api/postmortems").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(1)).header("X-Total-Count", "1");
    }

    @Test
    void aSearchIssuesAsManyStatementsForManyResultsAsForFew() {
        for (int i = 0; i < 12; i++) {
            create("Disk full " + i, 5 + i, "summary", "Checkout failed.");
        }
        create("Cache cold", 2, "summary", "Checkout failed.");
        create("Cache warm", 3, "summary", "Checkout failed.");
        // On H2 the first search after writes reads the written post-mortems into the index, once.
        statements("cache");
        long few = statements("cache");
        long many = statements("disk");
        long unfiltered = statements(null);
        assertThat(many).isEqualTo(few);
        assertThat(few).isLessThanOrEqualTo(unfiltered);
    }

    /** The statements of one search, in a transaction (and so a persistence context) of its own. */
    private long statements(String q) {
        return QuarkusTransaction.requiringNew().call(() -> {
            sessions.getStatistics().clear();
            int found = service.search(PostMortemSearch.of(new PostMortemSearch.Params(null, null, null, null, null,
                    null, null, null, q), 0, 20, ZoneOffset.UTC)).items().size();
            assertThat(found).isPositive();
            return sessions.getStatistics().getPrepareStatementCount();
        });
    }

    @Test
    void theListPageMarksTheWordsFoundAfterEscapingTheText() {
        create("<script>alert(1)</script> disk & db", 5, "whatHappened",
                "Before <em>the</em> disk filled, a <b>warning</b> fired.");
        Document page = WebSession.asViewer().page("/postmortems?q=disk+warning");
        Element row = page.selectFirst("[data-testid=result-row]");
        assertThat(row.select("script")).isEmpty();
        assertThat(row.selectFirst("[data-testid=title]").text()).isEqualTo("<script>alert(1)</script> disk & db");
        assertThat(row.select("[data-testid=title] mark").eachText()).containsExactly("disk");
        Element snippet = row.selectFirst("[data-testid=snippet]");
        assertThat(snippet.select("em, b")).isEmpty();
        assertThat(snippet.select("mark").eachText()).containsExactly("disk", "warning");
        assertThat(snippet.text()).isEqualTo("Before <em>the</em> disk filled, a <b>warning</b> fired.");
    }

    @Test
    void theListPageFiltersByFactorAndDatesAndKeepsThemInItsLinks() {
        for (int i = 0; i < 22; i++) {
            Scenarios.create(PostMortemJson.minimal().with("title", "Upstream failure " + i)
                    .with("startedAt", "2026-03-0" + (1 + i % 5) + "T10:00:00Z")
                    .with("factors", List.of(Map.of("factorId", 4))));
        }
        create("Upstream typo", 3, null, null);
        Document page = WebSession.asViewer().page("/postmortems?q=upstream&factor=Dependency&from=2026-03-01"
                + "&to=2026-03-05");
        assertThat(page.selectFirst("[data-testid=total]").text()).isEqualTo("22 post-mortems");
        assertThat(page.selectFirst("#factor option[selected]").text()).isEqualTo("Dependency");
        assertThat(page.selectFirst("#from").val()).isEqualTo("2026-03-01");
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/postmortems?q=upstream"
                + "&factor=Dependency&from=2026-03-01&to=2026-03-05&page=1");
    }

    @Test
    void theListPageAnswersAHostileQueryWithAProblemNamingQ() {
        assertThat(WebSession.asViewer().get("/postmortems?q=%25%27%5C").statusCode()).isEqualTo(400);
        assertThat(WebSession.asViewer().get("/postmortems?q=" + "a".repeat(10_000)).statusCode()).isEqualTo(400);
    }
}
