package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import dev.debrief.webhook.WebhookSender;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ticket closed in the tracker completes its item as the review's DONE does, and the outbound webhook
 * {@code action_item.completed} tells subscribers so, with the same body.
 */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class TrackerCompletionWebhookTest extends TrackerTestBase {

    private static final String CLOSED_AT = "2026-03-11T09:30:00Z";

    private static final String RECEIVER = "/receiver";

    @Inject
    WebhookSender sender;

    @Test
    void aTicketClosedInGitHubIsAnnouncedAsTheReviewsDoneIs() throws Exception {
        Scenarios.Ranked pm = linked(null, () -> github.creates(12));
        long hook = asAdmin().body(Map.of("url", fake.baseUrl() + RECEIVER, "events",
                        List.of("action_item.completed"), "secret", "a-secret-of-the-receiver"))
                .post("/api/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");

        String body = GitHubFake.delivery("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));
        anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-Hub-Signature-256", GitHubFake.signature(TrackerProfile.GITHUB_SECRET, body)).body(body)
                .post("/api/hooks/github").then().statusCode(200).body("changed", equalTo(true));
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("event", contains("action_item.completed")).body("status", contains("pending"));

        decide(pm.second(), "DONE", null);
        fake.stubFor(post(urlPathEqualTo(RECEIVER)).willReturn(aResponse().withStatus(204)));
        sender.run();

        List<JsonPath> received = fake.findAll(postRequestedFor(urlPathEqualTo(RECEIVER))).stream()
                .map(request -> JsonPath.from(request.getBodyAsString())).toList();
        assertThat(received).hasSize(2);
        JsonPath fromTracker = received.stream().filter(d -> d.getLong("data.id") == pm.first()).findFirst()
                .orElseThrow();
        JsonPath fromReview = received.stream().filter(d -> d.getLong("data.id") == pm.second()).findFirst()
                .orElseThrow();
        assertThat(fromTracker.getString("event")).isEqualTo("action_item.completed");
        assertThat(fromTracker.getString("data.status")).isEqualTo("DONE");
        assertThat(fromTracker.getString("data.completedAt")).isEqualTo(CLOSED_AT);
        assertThat(fromTracker.getMap("data").keySet()).as("the review's shape")
                .isEqualTo(fromReview.getMap("data").keySet());
        assertThat(fromTracker.getMap("").keySet()).isEqualTo(fromReview.getMap("").keySet());
    }
}
