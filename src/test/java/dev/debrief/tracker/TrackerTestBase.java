package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.debrief.support.MutableClock;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.TrackerFake;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tracker tests share: the fake of the three trackers, the data and the fake reset before each test, the
 * test clock, and the API calls on an item and its ticket. Each subclass is a {@code @QuarkusTest} with the
 * {@link dev.debrief.support.TrackerProfile}.
 */
abstract class TrackerTestBase {

    /** The time the clock is set to once an item is linked: the day after the test data's incident. */
    static final Instant A_DAY_LATER = Instant.parse("2026-03-11T12:00:00Z");

    @TrackerFake
    WireMockServer fake;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    GitHubFake github;

    @BeforeEach
    void resetTrackers() {
        data.reset();
        fake.resetAll();
        github = new GitHubFake(fake);
    }

    /**
     * A draft with three items, its first linked to the ticket {@code creates} stubs in {@code tracker} (the default
     * one when null); then the fake is reset and the clock set a day later.
     */
    Scenarios.Ranked linked(String tracker, Runnable creates) {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        creates.run();
        openTicket(pm, pm.first(), tracker).statusCode(201);
        fake.resetAll();
        clock.set(A_DAY_LATER);
        return pm;
    }

    /** Opens the item's ticket as an editor, in {@code tracker} when it is not null. */
    static ValidatableResponse openTicket(Scenarios.Ranked pm, long item, String tracker) {
        String query = tracker == null ? "" : "?tracker=" + tracker;
        return asEditor().post("/api/postmortems/{id}/action-items/{item}/ticket" + query, pm.postmortem(), item)
                .then();
    }

    /** The item as the post-mortem's JSON shows it, as the root of the assertions. */
    static ValidatableResponse item(Scenarios.Ranked pm, long item) {
        return asViewer().get("/api/postmortems/{id}", pm.postmortem()).then().statusCode(200)
                .rootPath("actionItems.find { it.id == " + item + " }");
    }

    static long version(Scenarios.Ranked pm, long item) {
        return asViewer().get("/api/postmortems/{id}", pm.postmortem()).then().statusCode(200).extract().jsonPath()
                .getLong("actionItems.find { it.id == " + item + " }.version");
    }

    /** A 201 answer with {@code body} as JSON. */
    static ResponseDefinitionBuilder created(ObjectNode body) {
        return created(body.toString());
    }

    static ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** Edits the item through the API as the editor, as the post-mortem's JSON shows it with {@code changes}. */
    static void edit(Scenarios.Ranked pm, long item, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(asViewer().get("/api/postmortems/{id}", pm.postmortem()).then()
                .statusCode(200).extract().jsonPath().getMap("actionItems.find { it.id == " + item + " }"));
        body.putAll(changes);
        asEditor().body(body).put("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), item).then()
                .statusCode(200);
    }

    /** The review of the week of {@link #A_DAY_LATER} (started if need be) decides on the item, as the editor. */
    static void decide(long item, String decision, String reason) {
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(anyOf(equalTo(200),
                equalTo(201)));
        Map<String, Object> body = reason == null ? Map.of("actionItemId", item, "decision", decision)
                : Map.of("actionItemId", item, "decision", decision, "reason", reason);
        asEditor().body(body).post("/api/reviews/2026-W11/decisions").then().statusCode(201);
    }
}
