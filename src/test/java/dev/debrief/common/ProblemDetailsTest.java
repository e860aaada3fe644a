package dev.debrief.common;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json naming the field; never a 500, never a class name. */
@QuarkusTest
class ProblemDetailsTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void malformedJsonIs400ProblemWithoutParserInternals() {
        asEditor().body("{\"title\": \"x\", ").post("/api/postmortems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("detail", startsWith("The request body is not valid JSON"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void unknownEnumValueIs400NamingTheFieldAndTheAllowedValues() {
        asEditor().body(PostMortemJson.complete().with("severity", "SEV9").build()).post("/api/postmortems")
                .then().statusCode(400)
                .body("errors.field", contains("severity"))
                .body("errors[0].message", containsString("SEV1, SEV2, SEV3, SEV4"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        asEditor().body(PostMortemJson.complete().with("startedAt", "yesterday").build()).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("startedAt"))
                .body(not(containsString("java.")));
        asEditor().body(PostMortemJson.complete().with("services", "checkout").build()).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("services"));
    }

    @Test
    void overLongTitleIs400NamingTitleAndTheLimit() {
        asEditor().body(PostMortemJson.complete().with("title", "x".repeat(201)).build()).post("/api/postmortems")
                .then().statusCode(400)
                .body("errors.field", contains("title"))
                .body("errors[0].message", containsString("at most 200 characters"));
    }

    @Test
    void overLongSectionIs400NamingTheSection() {
        asEditor().body(PostMortemJson.complete().with("whatHappened", "y".repeat(100_001)).build())
                .post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("whatHappened"));
    }

    @Test
    void missingRequiredFieldsAreAllNamedAtOnce() {
        asEditor().body(Map.of("summary", "only a summary")).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("severity", "startedAt", "title"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        asEditor().body(PostMortemJson.complete().with("timeline", List.of(Map.of("at", "2026-03-10T08:00:00Z",
                "event", " "))).build()).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("timeline[0].event"));
    }

    @Test
    void missingBodyIs400() {
        asEditor().post("/api/postmortems").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void bodyOver1MiBIs413Problem() {
        asEditor().body(PostMortemJson.complete().with("whatHappened", "y".repeat(2 * 1024 * 1024)).build())
                .post("/api/postmortems")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 1048576 bytes"));
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        asEditor().body(PostMortemJson.complete().with("title", "null\u0000byte").build()).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("title"));
        asViewer().queryParam("q", "a\u0000b").get("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("q"));
    }

    @Test
    void unknownIdIs404Problem() {
        asViewer().get("/api/postmortems/{id}", 987654321)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no post-mortem with id 987654321."));
    }

    @Test
    void nonNumericIdIs404Problem() {
        asViewer().get("/api/postmortems/not-a-number").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        asEditor().contentType("text/plain").body("hello").post("/api/postmortems")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusalsNeverLeakJavaNames() {
        long id = Scenarios.create(PostMortemJson.complete());
        asEditor().body(Map.of("order", List.of("a"))).put("/api/postmortems/{id}/action-items/order", id)
                .then().statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body("errors.field", hasItem(startsWith("order")));
    }
}
