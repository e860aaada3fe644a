package dev.debrief.audit;

import static dev.debrief.support.Api.as;
import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change leaves one row in the audit trail: who, when, what, and for an edit each field before and after. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
        data.sql("delete from app_user where username = 'pat'");
    }

    @Test
    void aSectionEditShowsInTheHistoryWithTheOldTextAndItsAuthor() {
        long id = Scenarios.create(PostMortemJson.minimal().with("whatHappened", "first text"));

        edit(id, "whatHappened", "second text");

        JsonPath history = history(id);
        assertThat(history.getString("[0].action")).isEqualTo("postmortem.updated");
        assertThat(history.getString("[0].actor")).isEqualTo(Api.EDITOR);
        assertThat(history.getList("[0].changes", Map.class))
                .containsExactly(Map.of("field", "whatHappened", "from", "first text", "to", "second text"));
        assertThat(history.getString("[1].action")).isEqualTo("postmortem.created");
        assertThat(history.getList("[1].changes.field")).contains("title", "severity", "startedAt", "whatHappened");
    }

    @Test
    void aSaveThatChangesNothingAddsNothing() {
        long id = Scenarios.create(PostMortemJson.minimal());

        edit(id, "title", "Checkout returned 500s");

        assertThat(history(id).getList("action")).containsExactly("postmortem.created");
    }

    @Test
    void itemsAndPublishingAreInThePostMortemsHistory() {
        Scenarios.Ranked ids = Scenarios.published();

        JsonPath history = history(ids.postmortem());
        assertThat(history.getList("action")).containsExactly("postmortem.published", "action-item.added",
                "action-item.added", "action-item.added", "postmortem.created");
        assertThat(history.getList("[0].changes", Map.class)).contains(
                Map.of("field", "status", "from", "DRAFT", "to", "PUBLISHED"));
        assertThat(history.getString("[1].subject.key")).isEqualTo(Long.toString(ids.third()));
    }

    @Test
    void aReviewDecisionIsInTheItemsHistoryWithTheOldDueDate() {
        Scenarios.Ranked ids = Scenarios.published();
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);

        asEditor().body(Map.of("actionItemId", ids.first(), "decision", "REDATE", "newDueDate", "2026-04-30",
                        "reason", "waiting on the vendor"))
                .post("/api/reviews/2026-W11/decisions").then().statusCode(201);

        JsonPath history = history(ids.postmortem());
        assertThat(history.getString("[0].action")).isEqualTo("action-item.redated");
        assertThat(history.getList("[0].changes", Map.class))
                .contains(Map.of("field", "dueDate", "from", "2026-03-24", "to", "2026-04-30"));
        assertThat(audit("action=review").getList("items.action")).containsExactly("review.started");
    }

    @Test
    void aDeletedPostMortemsHistoryKeepsItsTextForAdminsOnly() {
        long id = Scenarios.create(PostMortemJson.minimal().with("summary", "kept after deletion"));

        asEditor().delete("/api/postmortems/{id}", id).then().statusCode(204);

        asEditor().get("/api/postmortems/{id}/history", id).then().statusCode(404)
                .contentType("application/problem+json");
        JsonPath history = asAdmin().get("/api/postmortems/{id}/history", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getString("[0].action")).isEqualTo("postmortem.deleted");
        assertThat(history.getString("[0].changes.find { it.field == 'summary' }.from"))
                .isEqualTo("kept after deletion");
        assertThat(history.getString("[0].changes.find { it.field == 'summary' }.to")).isNull();
    }

    @Test
    void anUnknownPostMortemHasNoHistory() {
        asAdmin().get("/api/postmortems/987654321/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWholeTrailIsForAdminsOnly() {
        asEditor().get("/api/audit").then().statusCode(403);
        asViewer().get("/api/audit").then().statusCode(403);
        asAdmin().get("/api/audit").then().statusCode(200);
    }

    @Test
    void theTrailFiltersByActorActionAndTime() {
        Scenarios.create(PostMortemJson.minimal());
        asAdmin().body(Map.of("username", "pat", "password", "pat-password-12345", "role", "viewer"))
                .post("/api/users").then().statusCode(201);

        asAdmin().get("/api/audit?actor=" + Api.EDITOR).then().statusCode(200)
                .body("items.actor", everyItem(equalTo(Api.EDITOR)))
                .body("items.action", hasItem("postmortem.created"));
        JsonPath users = audit("action=user");
        assertThat(users.getList("items.action")).containsExactly("user.created");
        assertThat(users.getString("items[0].actor")).isEqualTo("admin");
        assertThat(audit("from=2026-03-11").getLong("total")).isZero();
        assertThat(audit("from=2026-03-10&to=2026-03-10").getLong("total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFilterThatIsNotATimeIsA400NamingIt() {
        asAdmin().get("/api/audit?from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        asAdmin().get("/api/audit?from=2026-03-10&to=2026-03-01").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        asAdmin().get("/api/audit?action=post%25").then().statusCode(400).body("errors.field", hasItem("action"));
    }

    @Test
    void failedSignInsAndPageSignInsAreAuditedWithTheAddress() {
        as(Api.EDITOR, "not-the-password").get("/api/board").then().statusCode(401);
        WebSession.asViewer();
        as(Api.VIEWER, Api.USER_PASSWORD).get("/api/board").then().statusCode(200);

        JsonPath failed = audit("action=sign-in.failed");
        assertThat(failed.getString("items[0].actor")).isEqualTo(Api.EDITOR);
        assertThat(failed.getString("items[0].address")).isNotBlank();
        assertThat(audit("action=sign-in.succeeded&actor=" + Api.VIEWER).getLong("total")).isEqualTo(1);
    }

    @Test
    void passwordChangesAreAuditedWithoutThePassword() {
        asAdmin().body(Map.of("username", "pat", "password", "pat-password-12345", "role", "editor"))
                .post("/api/users").then().statusCode(201);
        as("pat", "pat-password-12345").body(Map.of("currentPassword", "pat-password-12345",
                "newPassword", "pat-new-password-678")).put("/api/users/me/password").then().statusCode(204);

        JsonPath changed = audit("action=user.password-changed");
        assertThat(changed.getString("items[0].actor")).isEqualTo("pat");
        assertThat(changed.getList("items[0].changes")).isEmpty();
        assertThat(asAdmin().get("/api/audit").asString()).doesNotContain("pat-new-password-678");
    }

    @Test
    void thePostMortemPageShowsWhoChangedWhichSectionWithTheOldText() {
        long id = Scenarios.create(PostMortemJson.minimal().with("whatHappened", "first text"));
        edit(id, "whatHappened", "second text");

        Document page = WebSession.asViewer().page("/postmortems/" + id);

        Element change = page.selectFirst("[data-testid=change-field][data-field=whatHappened]");
        assertThat(change).isNotNull();
        assertThat(change.text()).startsWith("What happened");
        assertThat(change.selectFirst("[data-testid=old-text]").text()).isEqualTo("first text");
        assertThat(change.closest("[data-testid=change]").text()).contains(Api.EDITOR + " edited");
    }

    @Test
    void theAdminPageListsTheTrailAndRefusesABadFilter() {
        Scenarios.create(PostMortemJson.minimal());
        WebSession admin = WebSession.signIn("admin", Api.ADMIN_PASSWORD);

        Document page = admin.page("/admin/audit?action=postmortem");

        assertThat(page.select("[data-testid=audit-event]")).singleElement()
                .satisfies(row -> assertThat(row.text()).contains(Api.EDITOR, "postmortem.created"));
        assertThat(admin.browse("/admin/audit?from=never").statusCode()).isEqualTo(400);
        assertThat(WebSession.asEditor().get("/admin/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void theInstanceExportCarriesTheTrail() {
        Scenarios.create(PostMortemJson.minimal());

        JsonPath export = asAdmin().get("/api/admin/export").then().statusCode(200).extract().jsonPath();

        assertThat(export.getList("tables.audit_event.action")).contains("postmortem.created");
        assertThat(export.getList("tables.audit_change.field")).contains("title");
    }

    private static void edit(long id, String field, String value) {
        Map<String, Object> doc = asEditor().get("/api/postmortems/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        doc.put(field, value);
        asEditor().body(doc).put("/api/postmortems/{id}", id).then().statusCode(200);
    }

    private static JsonPath history(long id) {
        return asViewer().get("/api/postmortems/{id}/history", id).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
    }

    private static JsonPath audit(String query) {
        return asAdmin().get("/api/audit?" + query).then().statusCode(200).extract().jsonPath();
    }
}
