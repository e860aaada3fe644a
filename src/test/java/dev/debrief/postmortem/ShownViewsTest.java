package dev.debrief.postmortem;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A post-mortem read again is checked against the versions of the rows its view was built from, not read again
 * (docs/performance.md): every kind of change, by this instance or another, shows at the next read.
 */
@QuarkusTest
class ShownViewsTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

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

    @Test
    void aPostMortemReadAgainUnchangedIsNotReadAgain() {
        long id = Scenarios.readyToPublish().postmortem();
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200);
        sessions.getStatistics().clear();

        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200).body("actionItems", hasSize(3));

        // The credential check alone; the versions are one plain JDBC statement, which Hibernate does not count.
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(1);
    }

    @Test
    void aChangeToThePostMortemOrItsItemsShowsAtTheNextRead() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        Map<String, Object> document = read(pm.postmortem()).getMap("");
        document.put("title", "Renamed incident");
        asEditor().body(document).put("/api/postmortems/{id}", pm.postmortem()).then().statusCode(200);
        assertThat(read(pm.postmortem()).getString("title")).isEqualTo("Renamed incident");

        Map<String, Object> item = new HashMap<>(read(pm.postmortem())
                .getMap("actionItems.find { it.id == " + pm.first() + " }"));
        item.put("status", "DONE");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.first())
                .then().statusCode(200);
        assertThat(read(pm.postmortem()).getList("actionItems.status")).containsExactly("DONE", "OPEN", "OPEN");

        asEditor().delete("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.third())
                .then().statusCode(204);
        assertThat(read(pm.postmortem()).getList("actionItems.id", Long.class))
                .containsExactly(pm.first(), pm.second());

        asEditor().delete("/api/postmortems/{id}", pm.postmortem()).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", pm.postmortem()).then().statusCode(404);
    }

    @Test
    void renamingThePostMortemsTeamShowsAtTheNextRead() {
        long team = asAdmin().body(Map.of("name", "Payments")).post("/api/teams").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long id = Scenarios.create(PostMortemJson.minimal().with("team", "Payments"));
        read(id);

        asAdmin().body(Map.of("name", "Billing")).put("/api/teams/{id}", team).then().statusCode(200);

        assertThat(read(id).getString("team")).isEqualTo("Billing");
    }

    @Test
    void renamingAnItemsTeamShowsAtTheNextRead() {
        long team = asAdmin().body(Map.of("name", "Payments")).post("/api/teams").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long id = Scenarios.create(PostMortemJson.minimal());
        Map<String, Object> item = PostMortemJson.item(1);
        item.put("team", "Payments");
        Scenarios.addItem(id, item);
        read(id);

        asAdmin().body(Map.of("name", "Billing")).put("/api/teams/{id}", team).then().statusCode(200);

        assertThat(read(id).getList("actionItems.team")).containsExactly("Billing");
    }

    @Test
    void renamingAFactorShowsAtTheNextRead() {
        // A factor of this test's own: the seeded ones keep their names for the other tests.
        long factor = asAdmin().body(Map.of("name", "Stale cache")).post("/api/factors").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long id = Scenarios.create(PostMortemJson.minimal().with("factors", List.of(Map.of("factorId", factor))));
        read(id);

        asAdmin().body(Map.of("name", "Renamed factor")).put("/api/factors/{id}", factor).then().statusCode(200);

        assertThat(read(id).getList("factors.factor")).containsExactly("Renamed factor");
    }

    @Test
    void aLinkMadeFromTheOtherSideAndTheOtherTitleShowAtTheNextRead() {
        long id = Scenarios.create(PostMortemJson.minimal().with("title", "This one"));
        long other = Scenarios.create(PostMortemJson.minimal().with("title", "Other one"));
        asViewer().get("/api/postmortems/{id}", id).then().body("links", empty());

        asEditor().body(Map.of("postmortemId", id, "kind", "RELATED")).post("/api/postmortems/{id}/links", other)
                .then().statusCode(201);
        asViewer().get("/api/postmortems/{id}", id).then().body("links.title", contains("Other one"));

        Map<String, Object> document = read(other).getMap("");
        document.put("title", "Other one, renamed");
        asEditor().body(document).put("/api/postmortems/{id}", other).then().statusCode(200);
        asViewer().get("/api/postmortems/{id}", id).then().body("links.title", contains("Other one, renamed"));

        asEditor().delete("/api/postmortems/{id}/links/{other}", other, id).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", id).then().body("links", empty());
    }

    @Test
    void aChangeCommittedByAnotherInstanceShowsAtTheNextRead() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        read(pm.postmortem());

        // What another instance's write leaves in the shared database: the row changed, its version moved on.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update action_item set title = 'Changed elsewhere', version = version + 1 where id = ?1")
                .setParameter(1, pm.second()).executeUpdate());

        assertThat(read(pm.postmortem()).getString("actionItems.find { it.id == " + pm.second() + " }.title"))
                .isEqualTo("Changed elsewhere");
    }

    /**
     * A request that reads the post-mortem twice, as the edit page does after a refused save, holds the first read in
     * its session: the second read must not keep that copy under the versions of after the change.
     */
    @Test
    @ActivateRequestContext
    void aChangeBetweenTwoReadsOfOneRequestIsNotKeptUnderTheNewVersions() {
        long id = Scenarios.create(PostMortemJson.minimal().with("title", "Before"));
        assertThat(service.get(id).document().title()).isEqualTo("Before");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update postmortem set title = 'After', version = version + 1 where id = ?1")
                .setParameter(1, id).executeUpdate());

        assertThat(service.get(id).document().title()).isEqualTo("After");
        assertThat(read(id).getString("title")).isEqualTo("After");
    }

    @Test
    void theWriteUpClockOfAViewReadAgainIsReadAtEachRequest() {
        long id = Scenarios.create(PostMortemJson.complete());
        asViewer().get("/api/postmortems/{id}", id).then().body("writeUpOverdue", equalTo(false));

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofDays(3)));

        asViewer().get("/api/postmortems/{id}", id).then().body("writeUpOverdue", equalTo(true));
    }

    @Test
    void aViewReadInsideATransactionThatRollsBackIsNotKept() {
        long id = Scenarios.create(PostMortemJson.minimal().with("title", "Committed title"));

        // A change not yet written to the database when the view is asked for, then rolled back.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            PostMortem pm = em.find(PostMortem.class, id);
            pm.revise(IncidentDocument.builder().title("Never committed").severity(pm.getSeverity())
                    .startedAt(pm.getStartedAt()).build(), clock.instant(), Duration.ofMinutes(5));
            assertThat(service.get(id).document().title()).isEqualTo("Never committed");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(read(id).getString("title")).isEqualTo("Committed title");
    }

    @Test
    void theViewsKeptAreBoundedInNumberTheLeastRecentlyReadGoingFirst() {
        ShownViews.Recent<Long, String> recent = new ShownViews.Recent<>(2, 1_000, String::length);
        recent.put(1L, "one");
        recent.put(2L, "two");
        recent.get(1L);

        recent.put(3L, "three");

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get(2L)).isNull();
        assertThat(recent.get(1L)).isEqualTo("one");
        assertThat(recent.get(3L)).isEqualTo("three");
    }

    @Test
    void theViewsKeptAreBoundedInSizeAndOneTooLargeIsNotKept() {
        ShownViews.Recent<Long, String> recent = new ShownViews.Recent<>(100, 10, String::length);
        recent.put(1L, "aaaa");
        recent.put(2L, "bbbb");
        recent.put(1L, "aaa");

        recent.put(3L, "cccc");

        assertThat(recent.get(2L)).as("the least recently read, dropped to make room").isNull();
        assertThat(recent.get(1L)).isEqualTo("aaa");
        assertThat(recent.get(3L)).isEqualTo("cccc");
        recent.put(4L, "x".repeat(11));
        assertThat(recent.get(4L)).isNull();
        assertThat(recent.size()).isEqualTo(2);
    }

    private static JsonPath read(long id) {
        return asViewer().get("/api/postmortems/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
