package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BlamelessCheckApiTest {

    @Inject
    TestData data;

    /** The editor and viewer these requests sign in as exist whichever test class ran before. */
    @BeforeEach
    void users() {
        data.reset();
    }

    @Test
    void flagsBlamingPhrasesWithPositionsContextAndSuggestion() {
        String text = "It was human error. The on-call engineer should have checked the dashboard.";
        asEditor().body(Map.of("text", text)).post("/api/blameless-check")
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("hits.phrase", contains("human error", "should have"))
                .body("hits[0].start", equalTo(text.indexOf("human error")))
                .body("hits[0].end", equalTo(text.indexOf("human error") + "human error".length()))
                .body("hits[1].context", containsString("engineer should have checked"))
                .body("hits[0].suggestion", containsString("condition"));
    }

    @Test
    void neutralTextHasNoHits() {
        asEditor().body(Map.of("text", "The alert threshold was set above the observed error rate."))
                .post("/api/blameless-check")
                .then().statusCode(200).body("hits", hasSize(0)).body("count", equalTo(0));
    }

    @Test
    void matchesWholeWordsOnly() {
        asEditor().body(Map.of("text", "The blamestorming ended; shouldhave is not a word."))
                .post("/api/blameless-check").then().body("hits", hasSize(0));
    }

    @Test
    void typographicApostrophesAreFlaggedToo() {
        asEditor().body(Map.of("text", "They didn’t bother to page anyone."))
                .post("/api/blameless-check").then().body("hits.phrase", contains("didn’t bother"));
    }

    @Test
    void attendeeNamedAsTheSubjectOfAFailureIsFlagged() {
        asEditor().body(Map.of("text", "Dana forgot to renew the certificate; Dana then renewed it.",
                "attendees", List.of("Dana")))
                .post("/api/blameless-check")
                .then().statusCode(200).body("hits.phrase", contains("dana forgot"));
    }

    @Test
    void missingTextIs400NamingIt() {
        asEditor().body(Map.of("attendees", List.of("Dana"))).post("/api/blameless-check")
                .then().statusCode(400).body("errors.field", contains("text"));
    }
}
