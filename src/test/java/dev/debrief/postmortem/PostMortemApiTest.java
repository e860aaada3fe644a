package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class PostMortemApiTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void createAnswers201WithLocationEtagAndDerivedFields() {
        asEditor().body(PostMortemJson.complete().build()).post("/api/postmortems")
                .then().statusCode(201)
                .header("Location", containsString("/api/postmortems/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("timeToDetectMinutes", equalTo(15))
                .body("timeToResolveMinutes", equalTo(50))
                .body("writeUpDueAt", equalTo("2026-03-12T07:50:00Z"))
                .body("writeUpOverdue", is(false))
                .body("publishedLate", is(false))
                .body("services", contains("checkout", "payments"))
                .body("createdAt", equalTo("2026-03-10T12:00:00Z"))
                .body("actionItems", hasSize(0));
    }

    @Test
    void locationLeadsToTheCreatedPostMortem() {
        String location = asEditor().body(PostMortemJson.complete().build()).post("/api/postmortems")
                .then().statusCode(201).extract().header("Location");
        asViewer().get(location).then().statusCode(200).body("title", equalTo("Checkout returned 500s"));
    }

    @Test
    void writeUpBecomesOverdue48HoursAfterResolution() {
        long id = Scenarios.create(PostMortemJson.complete());
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofHours(43)));
        asViewer().get("/api/postmortems/{id}", id).then().body("writeUpOverdue", is(false));
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofHours(43)).plus(Duration.ofMinutes(51)));
        asViewer().get("/api/postmortems/{id}", id).then().body("writeUpOverdue", is(true));
    }

    @Test
    void unresolvedIncidentHasNoWriteUpDueTimeYet() {
        long id = Scenarios.create(PostMortemJson.minimal());
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200)
                .body("writeUpDueAt", nullValue())
                .body("timeToResolveMinutes", nullValue())
                .body("writeUpOverdue", is(false));
    }

    @Test
    void timelineIsKeptInTimeOrder() {
        long id = Scenarios.create(PostMortemJson.complete().with("timeline", List.of(
                Map.of("at", "2026-03-10T07:30:00Z", "event", "rollback"),
                Map.of("at", "2026-03-10T07:05:00Z", "event", "first page"))));
        asViewer().get("/api/postmortems/{id}", id).then()
                .body("timeline.event", contains("first page", "rollback"));
    }

    @Test
    void fourthActionItemIsRefusedNamingTheThreeItemRule() {
        long id = Scenarios.readyToPublish().postmortem();
        asEditor().body(PostMortemJson.item(3)).post("/api/postmortems/{id}/action-items", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("at most three action items"));
        asViewer().get("/api/postmortems/{id}", id).then().body("actionItems", hasSize(3));
    }

    @Test
    void rankAlreadyTakenIsRefused() {
        long id = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(id, PostMortemJson.item(1));
        asEditor().body(PostMortemJson.item(1)).post("/api/postmortems/{id}/action-items", id)
                .then().statusCode(409)
                .body("detail", containsString("Rank 1 is already taken"));
    }

    @Test
    void actionItemsAreListedByRank() {
        long id = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(id, PostMortemJson.item(3));
        Scenarios.addItem(id, PostMortemJson.item(1));
        asViewer().get("/api/postmortems/{id}", id).then().body("actionItems.priority", contains(1, 3));
    }

    @Test
    void reorderAssignsAllThreeRanksAtOnce() {
        Scenarios.Ranked ids = Scenarios.readyToPublish();
        asEditor().body(Map.of("order", List.of(ids.third(), ids.first(), ids.second())))
                .put("/api/postmortems/{id}/action-items/order", ids.postmortem())
                .then().statusCode(200)
                .body("actionItems.id", contains((int) ids.third(), (int) ids.first(), (int) ids.second()))
                .body("actionItems.priority", contains(1, 2, 3));
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then()
                .body("actionItems.title", contains("Action 3", "Action 1", "Action 2"));
    }

    @Test
    void reorderMustListEveryItemExactlyOnce() {
        Scenarios.Ranked ids = Scenarios.readyToPublish();
        asEditor().body(Map.of("order", List.of(ids.first(), ids.first(), ids.second())))
                .put("/api/postmortems/{id}/action-items/order", ids.postmortem())
                .then().statusCode(400).body("errors.field", contains("order"));
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then()
                .body("actionItems.title", contains("Action 1", "Action 2", "Action 3"));
    }

    @Test
    void incompletePublishIsRefusedListingEveryMissingPart() {
        long id = Scenarios.create(PostMortemJson.minimal());
        asEditor().post("/api/postmortems/{id}/publish", id)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("whatHappened", "whyDetectionFailed", "whyResponseFailed",
                        "whatWeChange", "detectedAt", "resolvedAt", "actionItems"));
        asViewer().get("/api/postmortems/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishNeedsOwnerAndDueDateOnEveryItem() {
        long id = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(id, PostMortemJson.item(1));
        Scenarios.addItem(id, PostMortemJson.item(2));
        Map<String, Object> third = PostMortemJson.item(3);
        third.remove("owner");
        third.remove("dueDate");
        Scenarios.addItem(id, third);
        asEditor().post("/api/postmortems/{id}/publish", id)
                .then().statusCode(422)
                .body("errors.field", contains("actionItems[2]"))
                .body("errors[0].message", containsString("owner and a due date"));
    }

    @Test
    void completePublishSucceedsAndStampsPublishedAt() {
        long id = Scenarios.readyToPublish().postmortem();
        asEditor().post("/api/postmortems/{id}/publish", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", equalTo("2026-03-10T12:00:00Z"))
                .body("publishedLate", is(false));
    }

    /** Times may lie up to five minutes ahead of the server's clock; publishing must wait for the start. */
    @Test
    void anIncidentStartingAheadOfTheServersClockIsPublishedOnceItHasStarted() {
        long id = Scenarios.create(PostMortemJson.complete().with("startedAt", "2026-03-10T12:03:00Z")
                .with("detectedAt", "2026-03-10T12:03:30Z").with("resolvedAt", "2026-03-10T12:04:00Z")
                .with("timeline", List.of(Map.of("at", "2026-03-10T12:03:00Z", "event", "config pushed"))));
        for (int rank = 1; rank <= 3; rank++) {
            Scenarios.addItem(id, PostMortemJson.item(rank));
        }

        asEditor().post("/api/postmortems/{id}/publish", id).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("startedAt"));
        asViewer().get("/api/postmortems/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishCanBeBackdatedForHistoryEnteredAfterTheFact() {
        long id = Scenarios.readyToPublish().postmortem();
        asEditor().body(Map.of("publishedAt", "2026-03-10T09:00:00Z")).post("/api/postmortems/{id}/publish", id)
                .then().statusCode(200).body("publishedAt", equalTo("2026-03-10T09:00:00Z"));
    }

    @Test
    void everyTimeSentIsKeptToTheMicrosecondSoTheAnswerAndLaterReadsAgree() {
        long id = Scenarios.create(PostMortemJson.complete().with("timeline",
                List.of(Map.of("at", "2026-03-10T07:10:00.123456789Z", "event", "alert fired"))));
        long item = Scenarios.addItem(id, PostMortemJson.item(1));
        Map<String, Object> done = new HashMap<>(asEditor().get("/api/postmortems/{id}", id).jsonPath()
                .getMap("actionItems[0]"));
        done.put("status", "DONE");
        done.put("completedAt", "2026-03-10T11:00:00.123456789Z");
        asEditor().body(done).put("/api/postmortems/{id}/action-items/{item}", id, item).then().statusCode(200)
                .body("completedAt", equalTo("2026-03-10T11:00:00.123456Z"));
        Scenarios.addItem(id, PostMortemJson.item(2));
        Scenarios.addItem(id, PostMortemJson.item(3));

        asEditor().body(Map.of("publishedAt", "2026-03-10T11:30:00.123456789Z"))
                .post("/api/postmortems/{id}/publish", id).then().statusCode(200)
                .body("publishedAt", equalTo("2026-03-10T11:30:00.123456Z"))
                .body("timeline[0].at", equalTo("2026-03-10T07:10:00.123456Z"));

        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200)
                .body("publishedAt", equalTo("2026-03-10T11:30:00.123456Z"))
                .body("timeline[0].at", equalTo("2026-03-10T07:10:00.123456Z"))
                .body("actionItems[0].completedAt", equalTo("2026-03-10T11:00:00.123456Z"));
    }

    @Test
    void publishedAtInTheFutureOrBeforeTheIncidentIsRefused() {
        long id = Scenarios.readyToPublish().postmortem();
        asEditor().body(Map.of("publishedAt", "2026-03-10T12:01:00Z")).post("/api/postmortems/{id}/publish", id)
                .then().statusCode(400).body("errors.field", contains("publishedAt"));
        asEditor().body(Map.of("publishedAt", "2026-03-10T06:59:00Z")).post("/api/postmortems/{id}/publish", id)
                .then().statusCode(400).body("errors.field", contains("publishedAt"));
        asViewer().get("/api/postmortems/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishingAfterTheWindowIsMarkedLate() {
        long id = Scenarios.readyToPublish().postmortem();
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofDays(3)));
        asEditor().post("/api/postmortems/{id}/publish", id)
                .then().statusCode(200).body("publishedLate", is(true)).body("writeUpOverdue", is(false));
    }

    @Test
    void publishedPostMortemCannotBeDeleted() {
        long id = Scenarios.published().postmortem();
        asEditor().delete("/api/postmortems/{id}", id).then().statusCode(409)
                .body("detail", containsString("published"));
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200);
    }

    @Test
    void publishedPostMortemKeepsItsItems() {
        Scenarios.Ranked ids = Scenarios.published();
        asEditor().delete("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(409).body("detail", containsString("DONE or DROPPED"));
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then().body("actionItems", hasSize(3));
    }

    @Test
    void draftAndItsItemsCanBeDeleted() {
        Scenarios.Ranked ids = Scenarios.readyToPublish();
        asEditor().delete("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first()).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then().body("actionItems", hasSize(2));
        asEditor().delete("/api/postmortems/{id}", ids.postmortem()).then().statusCode(204);
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then().statusCode(404);
    }

    @Test
    void updateWithCurrentVersionReplacesTheDocument() {
        long id = Scenarios.create(PostMortemJson.complete());
        JsonPath current = asViewer().get("/api/postmortems/{id}", id).jsonPath();
        Map<String, Object> body = current.getMap("");
        body.put("summary", "first writer");
        asEditor().body(body).put("/api/postmortems/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("summary", equalTo("first writer"))
                .body("version", equalTo(1));
    }

    @Test
    void staleVersionIsRefusedAndNothingIsOverwritten() {
        long id = Scenarios.create(PostMortemJson.complete());
        Map<String, Object> read = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        Map<String, Object> first = new HashMap<>(read);
        first.put("summary", "first writer");
        asEditor().body(first).put("/api/postmortems/{id}", id).then().statusCode(200);
        Map<String, Object> stale = new HashMap<>(read);
        stale.put("summary", "stale writer");
        asEditor().body(stale).put("/api/postmortems/{id}", id)
                .then().statusCode(409).body("title", equalTo("Stale version"));
        asViewer().get("/api/postmortems/{id}", id).then().body("summary", equalTo("first writer"));
    }

    @Test
    void staleIfMatchIsRefusedWith412AndNothingIsOverwritten() {
        long id = Scenarios.create(PostMortemJson.complete());
        String oldTag = asViewer().get("/api/postmortems/{id}", id).header("ETag");
        Map<String, Object> body = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        body.put("summary", "second");
        asEditor().body(body).put("/api/postmortems/{id}", id).then().statusCode(200);
        Map<String, Object> fresh = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        fresh.put("summary", "if-match stale");
        asEditor().header("If-Match", oldTag).body(fresh).put("/api/postmortems/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        asViewer().get("/api/postmortems/{id}", id).then().body("summary", equalTo("second"));
    }

    @Test
    void updateWithoutVersionIsRefusedNamingIt() {
        long id = Scenarios.create(PostMortemJson.complete());
        asEditor().body(PostMortemJson.complete().build()).put("/api/postmortems/{id}", id)
                .then().statusCode(400).body("errors.field", contains("version"));
    }

    @Test
    void publishedPostMortemCannotLoseARequiredSection() {
        long id = Scenarios.published().postmortem();
        Map<String, Object> body = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        body.put("whyDetectionFailed", " ");
        asEditor().body(body).put("/api/postmortems/{id}", id)
                .then().statusCode(422).body("errors.field", contains("whyDetectionFailed"));
    }

    @Test
    void aSectionOrOwnerOfNoBreakSpacesIsNotWrittenAndPublishingSaysSo() {
        long id = Scenarios.create(PostMortemJson.complete().with("whatHappened", "\u00a0\u202f\u3000 "));
        Map<String, Object> spaced = PostMortemJson.item(1);
        spaced.put("owner", "\u00a0");
        Scenarios.addItem(id, spaced);
        Scenarios.addItem(id, PostMortemJson.item(2));
        Scenarios.addItem(id, PostMortemJson.item(3));

        asEditor().post("/api/postmortems/{id}/publish", id).then().statusCode(422)
                .body("errors.field", hasItems("whatHappened", "actionItems[0]"));
    }

    @Test
    void halfACharacterIsRefusedNamingTheFieldAndAWholeOneIsKept() throws Exception {
        String body = new ObjectMapper().writeValueAsString(PostMortemJson.complete().with("title", "TITLE").build());

        asEditor().body(body.replace("\"TITLE\"", "\"Disk \\ud800 full\"")).post("/api/postmortems").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("title"));
        long kept = asEditor().body(body.replace("\"TITLE\"", "\"Disk \\ud83d\\udcbe full\""))
                .post("/api/postmortems").then().statusCode(201).extract().jsonPath().getLong("id");
        asViewer().get("/api/postmortems/{id}", kept).then().body("title", equalTo("Disk \ud83d\udcbe full"));
    }

    /** Post-mortems the API refuses, each naming the one field at fault; the clock reads 2026-03-10 12:00 UTC. */
    static Stream<Arguments> refusedPostMortems() {
        return Stream.of(
                arguments("detection before impact", "detectedAt",
                        PostMortemJson.complete().with("detectedAt", "2026-03-10T06:55:00Z")),
                arguments("resolution before detection", "resolvedAt",
                        PostMortemJson.complete().with("resolvedAt", "2026-03-10T07:10:00Z")),
                arguments("start more than five minutes ahead", "startedAt",
                        PostMortemJson.minimal().with("startedAt", "2026-03-10T12:06:00Z")),
                // A typed 0026 for 2026: durations over 292 years overflowed into a 500.
                arguments("start before 1970", "startedAt",
                        PostMortemJson.complete().with("startedAt", "1700-03-10T07:00:00Z")),
                arguments("timeline entry before 1970", "timeline[0].at",
                        PostMortemJson.complete().with("timeline", List.of(Map.of("at", "0026-03-10T07:00:00Z",
                                "event", "typed in the wrong century")))));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("refusedPostMortems")
    void invalidPostMortemIsRefusedNamingTheField(String why, String field, PostMortemJson postmortem) {
        asEditor().body(postmortem.build()).post("/api/postmortems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void timesUpToFiveMinutesAheadAreAccepted() {
        asEditor().body(PostMortemJson.minimal().with("startedAt", "2026-03-10T12:04:00Z").build())
                .post("/api/postmortems").then().statusCode(201);
    }

    @Test
    void doneItemRecordsCompletionNowOrTheBackfilledTime() {
        Scenarios.Ranked ids = Scenarios.published();
        Map<String, Object> item = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[0]");
        item.put("status", "DONE");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("completedAt", equalTo("2026-03-10T12:00:00Z"));

        Map<String, Object> second = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[1]");
        second.put("status", "DONE");
        second.put("completedAt", "2026-03-10T10:00:00Z");
        asEditor().body(second).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.second())
                .then().statusCode(200).body("completedAt", equalTo("2026-03-10T10:00:00Z"));
    }

    @Test
    void aDueDateAfterTheYear9999IsRefusedNamingIt() {
        Scenarios.Ranked ids = Scenarios.published();
        Map<String, Object> item = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[0]");
        item.put("dueDate", "+10000-01-01");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(400).body("errors.field", contains("dueDate"));
        item.put("dueDate", "9999-12-31");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(200);
        asViewer().accept("text/calendar").get("/api/calendar.ics").then().statusCode(200)
                .body(containsString("DTSTART;VALUE=DATE:99991231"));
    }

    @Test
    void completedAtInTheFutureOrBeforeTheIncidentIsRefused() {
        Scenarios.Ranked ids = Scenarios.published();
        Map<String, Object> item = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[0]");
        item.put("status", "DONE");
        item.put("completedAt", "2026-03-11T00:00:00Z");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(400).body("errors.field", contains("completedAt"));
        item.put("completedAt", "2026-03-01T00:00:00Z");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(400).body("errors.field", contains("completedAt"));
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then().body("actionItems[0].status", equalTo("OPEN"));
    }

    @Test
    void startCannotMoveAfterARecordedCompletion() {
        Scenarios.Ranked ids = Scenarios.published();
        Map<String, Object> item = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[0]");
        item.put("status", "DONE");
        item.put("completedAt", "2026-03-10T08:00:00Z");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(200);
        Map<String, Object> body = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath().getMap("");
        body.put("startedAt", "2026-03-10T08:30:00Z");
        body.put("detectedAt", "2026-03-10T08:40:00Z");
        body.put("resolvedAt", "2026-03-10T08:50:00Z");
        body.put("timeline", List.of());
        asEditor().body(body).put("/api/postmortems/{id}", ids.postmortem())
                .then().statusCode(400).body("errors.field", contains("startedAt"));
    }

    @Test
    void droppingAnItemNeedsAReason() {
        Scenarios.Ranked ids = Scenarios.published();
        Map<String, Object> item = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[2]");
        item.put("status", "DROPPED");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.third())
                .then().statusCode(400).body("errors.field", contains("dropReason"));
        item.put("dropReason", "superseded by the new load balancer");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.third())
                .then().statusCode(200)
                .body("status", equalTo("DROPPED"))
                .body("dropReason", equalTo("superseded by the new load balancer"));
    }

    @Test
    void staleItemVersionIsRefusedAndNothingIsOverwritten() {
        Scenarios.Ranked ids = Scenarios.readyToPublish();
        Map<String, Object> read = asViewer().get("/api/postmortems/{id}", ids.postmortem()).jsonPath()
                .getMap("actionItems[0]");
        Map<String, Object> first = new HashMap<>(read);
        first.put("owner", "alice");
        asEditor().body(first).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        read.put("owner", "bob");
        asEditor().body(read).put("/api/postmortems/{id}/action-items/{item}", ids.postmortem(), ids.first())
                .then().statusCode(409);
        asViewer().get("/api/postmortems/{id}", ids.postmortem()).then().body("actionItems[0].owner", equalTo("alice"));
    }

    /** An action item's field and a value it refuses: a rank outside one to three, a link that is not http(s). */
    static Stream<Arguments> refusedItemValues() {
        return Stream.of(arguments("priority", 4), arguments("ticketUrl", "javascript:alert(1)"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @MethodSource("refusedItemValues")
    void invalidActionItemIsRefusedNamingTheField(String field, Object value) {
        long id = Scenarios.create(PostMortemJson.complete());
        Map<String, Object> item = PostMortemJson.item(1);
        item.put(field, value);
        asEditor().body(item).post("/api/postmortems/{id}/action-items", id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void unknownActionItemIs404() {
        long id = Scenarios.create(PostMortemJson.complete());
        Map<String, Object> item = PostMortemJson.item(1);
        item.put("version", 0);
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", id, 987654)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listFiltersBySeverityServiceStatusAndText() {
        long checkout = Scenarios.create(PostMortemJson.complete());
        long search = Scenarios.create(PostMortemJson.minimal().with("title", "Search index stale")
                .with("severity", "SEV3").with("services", List.of("search")));
        asViewer().queryParam("severity", "SEV2").get("/api/postmortems")
                .then().statusCode(200).body("items.id", contains((int) checkout)).body("total", equalTo(1));
        asViewer().queryParam("service", "search").get("/api/postmortems")
                .then().body("items.id", contains((int) search));
        asViewer().queryParam("q", "PAYMENT CONNECTION").get("/api/postmortems")
                .then().body("items.id", contains((int) checkout));
        asViewer().queryParam("status", "published").get("/api/postmortems")
                .then().body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void textSearchTreatsWildcardsLiterally() {
        Scenarios.create(PostMortemJson.minimal().with("title", "Disk 100% full"));
        Scenarios.create(PostMortemJson.minimal().with("title", "Disk 1000 inodes"));
        asViewer().queryParam("q", "100%").get("/api/postmortems")
                .then().body("items.title", contains("Disk 100% full"));
    }

    @Test
    void listIsNewestIncidentFirstAndPagedWithATotal() {
        for (int hour = 1; hour <= 5; hour++) {
            Scenarios.create(PostMortemJson.minimal().with("title", "incident " + hour)
                    .with("startedAt", MutableClock.DEFAULT_NOW.minus(Duration.ofHours(10 - hour)).toString()));
        }
        asViewer().queryParam("size", 2).queryParam("page", 1).get("/api/postmortems")
                .then().statusCode(200)
                .header("X-Total-Count", "5")
                .body("total", equalTo(5))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items.title", contains("incident 3", "incident 2"));
    }

    @ParameterizedTest(name = "?{0}={1} is refused")
    @CsvSource({
        "size, 201",
        "severity, SEV9",
    })
    void invalidListParameterIsRefusedNamingIt(String parameter, String value) {
        asViewer().queryParam(parameter, value).get("/api/postmortems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter));
    }

    @Test
    void unknownFilterValueIsRefusedListingTheValuesItTakes() {
        asViewer().queryParam("severity", "SEV9").get("/api/postmortems")
                .then().statusCode(400).body("errors[0].message", containsString("SEV1, SEV2, SEV3, SEV4"));
    }

    @Test
    void getReturnsEtagOfTheCurrentVersion() {
        long id = Scenarios.create(PostMortemJson.complete());
        asViewer().get("/api/postmortems/{id}", id).then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void createdItemHasLocationAndStartsOpen() {
        long id = Scenarios.create(PostMortemJson.complete());
        asEditor().body(PostMortemJson.item(2)).post("/api/postmortems/{id}/action-items", id)
                .then().statusCode(201)
                .header("Location", containsString("/api/postmortems/" + id + "/action-items/"))
                .body("status", equalTo("OPEN"))
                .body("postmortemId", equalTo((int) id))
                .body("kind", equalTo("RESPONSE"));
    }

    @Test
    void consideredIdeasAreKeptApartFromActionItems() {
        long id = Scenarios.create(PostMortemJson.complete()
                .with("considered", List.of("rewrite the payment service", "move to another cloud")));
        asViewer().get("/api/postmortems/{id}", id).then()
                .body("considered", hasItems("rewrite the payment service", "move to another cloud"))
                .body("actionItems", hasSize(0));
    }
}
