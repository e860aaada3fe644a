package dev.debrief.common;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * A complete post-mortem with one field's value replaced, the field the refusal names and, where it matters,
     * part of what the message says.
     */
    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments("an unknown severity", "severity", "SEV9", "severity", "SEV1, SEV2, SEV3, SEV4"),
                arguments("a time that is not a time", "startedAt", "yesterday", "startedAt", null),
                arguments("a text where a list belongs", "services", "checkout", "services", null),
                arguments("a title over 200 characters", "title", "x".repeat(201), "title", "at most 200 characters"),
                arguments("a control character", "title", "null\u0000byte", "title", null),
                arguments("a section over 100,000 characters", "whatHappened", "y".repeat(100_001), "whatHappened",
                        null),
                arguments("a blank event in the timeline", "timeline",
                        List.of(Map.of("at", "2026-03-10T08:00:00Z", "event", " ")), "timeline[0].event", null));
    }

    @ParameterizedTest(name = "{0} is refused naming {3}")
    @MethodSource("badValues")
    void badValueIs400NamingTheField(String what, String field, Object value, String named, String message) {
        asEditor().body(PostMortemJson.complete().with(field, value).build()).post("/api/postmortems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("java.")))
                .body("errors.field", contains(named))
                .body("errors[0].message", message == null ? notNullValue() : containsString(message));
    }

    @Test
    void missingRequiredFieldsAreAllNamedAtOnce() {
        asEditor().body(Map.of("summary", "only a summary")).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("severity", "startedAt", "title"));
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
    void controlCharactersInTheSearchAreRefusedNamingIt() {
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
