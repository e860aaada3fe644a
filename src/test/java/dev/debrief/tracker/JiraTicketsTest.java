package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Action items and Jira, against a fake of Jira's REST API v2 (issue, search) and its issue webhooks; "done" is
 * Jira's done status category.
 */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class JiraTicketsTest extends TrackerTestBase {

    private static final String ISSUE = "/jira/rest/api/2/issue";
    private static final String SEARCH = "/jira/rest/api/2/search";
    private static final String RESOLVED = "2026-03-11T09:30:00.000+0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reconciler reconciler;

    @Test
    void openingATicketCreatesOneJiraIssueWithBasicAuthentication() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        creates("OPS-7");

        openTicket(pm, pm.first(), "jira").statusCode(201).body("tracker", equalTo("jira"))
                .body("key", equalTo("OPS-7"))
                .body("url", containsString("/jira/browse/OPS-7")).body("state", equalTo("open"));

        String basic = Base64.getEncoder().encodeToString(("bot@acme.test:" + TrackerProfile.JIRA_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUE))
                .withHeader("Authorization", WireMock.equalTo("Basic " + basic))
                .withRequestBody(matchingJsonPath("$.fields.project.key", WireMock.equalTo("OPS")))
                .withRequestBody(matchingJsonPath("$.fields.issuetype.name", WireMock.equalTo("Task")))
                .withRequestBody(matchingJsonPath("$.fields.labels[0]", WireMock.equalTo("postmortem-action-item")))
                .withRequestBody(matchingJsonPath("$.fields.description",
                        WireMock.containing("debrief-action-item-" + pm.first()))));
        openTicket(pm, pm.first(), "jira").statusCode(200);
        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUE)));
    }

    @Test
    void aRetryAfterATimeoutFindsTheIssueByJqlOnItsMarker() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        fake.stubFor(post(urlPathEqualTo(ISSUE)).willReturn(created("{\"id\":\"10007\",\"key\":\"OPS-7\"}")
                .withFixedDelay(2_500)));
        openTicket(pm, pm.first(), "jira").statusCode(502).body("detail", containsString("Jira did not answer"));

        ObjectNode found = issue("OPS-7", "indeterminate", "In Progress", null, "2026-03-10T12:00:00.000+0000");
        ((ObjectNode) found.get("fields")).put("description", "Debrief reference: debrief-action-item-" + pm.first());
        ObjectNode results = JSON.createObjectNode();
        results.put("total", 1);
        results.putArray("issues").add(found);
        fake.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(results.toString())));
        openTicket(pm, pm.first(), "jira").statusCode(201).body("key", equalTo("OPS-7")).body("state", equalTo("open"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUE)));
        fake.verify(1, getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("jql", WireMock.containing("debrief-action-item-" + pm.first())));
    }

    @Test
    void anIssueMovedToTheDoneCategoryCompletesTheItemAndBackOpensIt() {
        Scenarios.Ranked pm = linked();
        String done = event(issue("OPS-7", "done", "Closed", RESOLVED, RESOLVED));

        anonymous().contentType("application/json").body(done).post("/api/hooks/jira?secret=wrong")
                .then().statusCode(401);
        item(pm, pm.first()).body("status", equalTo("OPEN"));

        deliver(done).statusCode(200).body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("DONE")).body("completedAt", equalTo("2026-03-11T09:30:00Z"));
        deliver(done).statusCode(200).body("changed", equalTo(false));

        anonymous().contentType("application/json").header("X-Debrief-Secret", TrackerProfile.JIRA_SECRET)
                .body(event(issue("OPS-7", "new", "To Do", null, "2026-03-11T10:00:00.000+0000")))
                .post("/api/hooks/jira").then().statusCode(200).body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void aWebhookGivenTheSecretInJiraSignsItsBodyAndAWrongSignatureIsRefused() throws Exception {
        Scenarios.Ranked pm = linked();
        String done = event(issue("OPS-7", "done", "Closed", RESOLVED, RESOLVED));

        anonymous().contentType("application/json").header("X-Hub-Signature",
                        GitHubFake.signature("another secret", done))
                .body(done).post("/api/hooks/jira?secret=" + TrackerProfile.JIRA_SECRET)
                .then().statusCode(401).body("detail", containsString("X-Hub-Signature"));
        item(pm, pm.first()).body("status", equalTo("OPEN"));

        anonymous().contentType("application/json").header("X-Hub-Signature",
                        GitHubFake.signature(TrackerProfile.JIRA_SECRET, done))
                .body(done).post("/api/hooks/jira").then().statusCode(200).body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("DONE"));

        anonymous().contentType("application/json").header("X-Hub-Signature", "")
                .header("X-Debrief-Secret", TrackerProfile.JIRA_SECRET)
                .body(event(issue("OPS-7", "new", "To Do", null, "2026-03-11T10:00:00.000+0000")))
                .post("/api/hooks/jira").then().statusCode(200).body("changed", equalTo(true));
    }

    @Test
    void anIssueDebriefDoesNotKnowIsAcceptedAndIgnored() {
        linked();

        deliver(event(issue("OPS-99", "done", "Done", RESOLVED, RESOLVED))).statusCode(202);
    }

    @Test
    void theReconcileJobCatchesAMissedTransitionToDone() {
        Scenarios.Ranked pm = linked();
        fake.stubFor(get(urlPathEqualTo(ISSUE + "/OPS-7"))
                .willReturn(okJson(issue("OPS-7", "done", "Done", RESOLVED, RESOLVED).toString())));

        assertThat(reconciler.run().changed()).isEqualTo(1);

        item(pm, pm.first()).body("status", equalTo("DONE"));
    }

    private Scenarios.Ranked linked() {
        return linked("jira", () -> creates("OPS-7"));
    }

    private void creates(String key) {
        fake.stubFor(post(urlPathEqualTo(ISSUE)).willReturn(
                created("{\"id\":\"10007\",\"key\":\"" + key + "\",\"self\":\"http://jira/rest/api/2/issue/10007\"}")));
    }

    /** An issue as Jira's API answers it, with its status and the status's category. */
    private static ObjectNode issue(String key, String category, String status, String resolved, String updated) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", "10007");
        issue.put("key", key);
        ObjectNode fields = issue.putObject("fields");
        fields.put("summary", "Action 1");
        ObjectNode state = fields.putObject("status");
        state.put("name", status);
        state.putObject("statusCategory").put("key", category);
        fields.put("resolutiondate", resolved);
        fields.put("updated", updated);
        return issue;
    }

    private static String event(ObjectNode issue) {
        ObjectNode event = JSON.createObjectNode();
        event.put("timestamp", 1_773_223_800_000L);
        event.put("webhookEvent", "jira:issue_updated");
        event.put("issue_event_type_name", "issue_generic");
        event.set("issue", issue);
        return event.toString();
    }

    private static ValidatableResponse deliver(String event) {
        return anonymous().contentType("application/json").body(event)
                .post("/api/hooks/jira?secret=" + TrackerProfile.JIRA_SECRET).then();
    }
}
