package dev.debrief.postmortem;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost of reading one post-mortem (docs/performance.md): how many SQL statements one authenticated GET and one
 * page view take, credential check included, for a post-mortem that uses every part of the document.
 */
@QuarkusTest
class PostMortemReadStatementsTest {

    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    private long id;

    @BeforeEach
    void reset() {
        data.reset();
        asAdmin().body(Map.of("name", "Payments")).post("/api/teams").then().statusCode(201);
        asAdmin().body(Map.of("name", "Search")).post("/api/teams").then().statusCode(201);
        List<Long> factors = asViewer().get("/api/factors").jsonPath().getList("id", Long.class);
        id = Scenarios.create(PostMortemJson.complete().with("team", "Payments").with("tags", List.of("db", "config"))
                .with("attendees", List.of("alice", "bob"))
                .with("factors", List.of(Map.of("factorId", factors.get(0), "note", "pool size"),
                        Map.of("factorId", factors.get(1)))));
        for (int rank = 1; rank <= 3; rank++) {
            Map<String, Object> item = PostMortemJson.item(rank);
            item.put("team", rank == 1 ? "Search" : "Payments");
            Scenarios.addItem(id, item);
        }
        long earlier = Scenarios.create(PostMortemJson.minimal().with("title", "Earlier"));
        long later = Scenarios.create(PostMortemJson.minimal().with("title", "Later"));
        asEditor().body(Map.of("postmortemId", earlier, "kind", "SAME_CAUSE")).post("/api/postmortems/{id}/links", id)
                .then().statusCode(201);
        asEditor().body(Map.of("postmortemId", id, "kind", "RELATED")).post("/api/postmortems/{id}/links", later)
                .then().statusCode(201);
    }

    /**
     * The first read: the user (the credential recheck), the post-mortem with its team and its items with theirs, one
     * statement per list of the document (factors and their names, timeline, services, tags, attendees, ideas
     * considered), the links made and received and the linked post-mortems. Besides these, one plain JDBC statement
     * reads the versions of those rows ({@link ShownViews}), which Hibernate does not count.
     */
    @Test
    void theFirstGetTakesTwelveStatements() {
        sessions.getStatistics().clear();
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200).body("actionItems.team",
                contains("Search", "Payments", "Payments"));
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(12);
    }

    /** A read again of the unchanged post-mortem: the user, and the versions checked instead of the rows read. */
    @Test
    void aGetAgainTakesOneStatement() {
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200);
        sessions.getStatistics().clear();
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200).body("actionItems.team",
                contains("Search", "Payments", "Payments"));
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(1);
    }

    /**
     * What the GET reads (the user from the session instead), then the items' tickets, review decisions and tracker
     * history, the post-mortem's audit history with its changes, and for an editor the suggestions (by service, by
     * factor, by words of the title).
     */
    @Test
    void onePageViewTakesTwentyStatements() {
        WebSession editor = WebSession.asEditor();
        assertThat(editor.get("/postmortems/" + id).statusCode()).isEqualTo(200);
        sessions.getStatistics().clear();
        assertThat(editor.get("/postmortems/" + id).statusCode()).isEqualTo(200);
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(20);
    }
}
