package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Action items and GitLab issues, against a fake of GitLab's REST API v4 and its issue events. */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class GitLabTicketsTest extends TrackerTestBase {

    /** The project {@code acme/ops}, URL-encoded as GitLab's API takes it. */
    private static final String ISSUES = "/gitlab/api/v4/projects/acme%2Fops/issues";
    private static final String CLOSED_AT = "2026-03-11T09:30:00.000Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reconciler reconciler;

    @Test
    void openingATicketCreatesOneLabelledGitLabIssue() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        creates(7);

        openTicket(pm, pm.first(), "gitlab").statusCode(201).body("tracker", equalTo("gitlab"))
                .body("key", equalTo("acme/ops#7"))
                .body("url", equalTo("https://gitlab.example.test/acme/ops/-/issues/7"))
                .body("state", equalTo("open"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUES))
                .withHeader("PRIVATE-TOKEN", WireMock.equalTo(TrackerProfile.GITLAB_TOKEN))
                .withRequestBody(matchingJsonPath("$.labels", WireMock.equalTo("postmortem-action-item")))
                .withRequestBody(matchingJsonPath("$.description", containing("debrief-action-item-" + pm.first()))));
        openTicket(pm, pm.first(), "gitlab").statusCode(200).body("key", equalTo("acme/ops#7"));
        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUES)));
    }

    @Test
    void aRetryAfterATimeoutFindsTheIssueByItsMarker() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        fake.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(created(issue(7, false, null)).withFixedDelay(2_500)));
        openTicket(pm, pm.first(), "gitlab").statusCode(502).body("detail", containsString("GitLab did not answer"));

        ObjectNode found = issue(7, false, null);
        found.put("description", "Debrief reference: debrief-action-item-" + pm.first());
        fake.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(okJson(JSON.createArrayNode().add(found).toString())));
        openTicket(pm, pm.first(), "gitlab").statusCode(201).body("key", equalTo("acme/ops#7"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUES)));
        fake.verify(1, getRequestedFor(urlPathEqualTo(ISSUES))
                .withQueryParam("search", WireMock.equalTo("debrief-action-item-" + pm.first())));
    }

    /** GitLab's search matches parts of words: item 5's marker also finds the issues of items 50, 51, ... */
    @Test
    void aRetryFindsItsIssueBeyondTheFirstPageOfIssuesWhoseMarkersStartTheSame() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        fake.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(created(issue(7, false, null)).withFixedDelay(2_500)));
        openTicket(pm, pm.first(), "gitlab").statusCode(502);
        ArrayNode others = JSON.createArrayNode();
        for (int n = 0; n < 100; n++) {
            others.add(issue(1_000 + n, false, null).put("description", "Debrief reference: debrief-action-item-"
                    + pm.first() + n));
        }
        ObjectNode found = issue(7, false, null);
        found.put("description", "Debrief reference: debrief-action-item-" + pm.first());
        fake.stubFor(get(urlPathEqualTo(ISSUES)).withQueryParam("page", WireMock.equalTo("1"))
                .willReturn(okJson(others.toString())));
        fake.stubFor(get(urlPathEqualTo(ISSUES)).withQueryParam("page", WireMock.equalTo("2"))
                .willReturn(okJson(JSON.createArrayNode().add(found).toString())));

        openTicket(pm, pm.first(), "gitlab").statusCode(201).body("key", equalTo("acme/ops#7"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(ISSUES)));
    }

    @Test
    void aCloseEventWithTheTokenCompletesTheItemAndAWrongTokenIs401() {
        Scenarios.Ranked pm = linked();
        String event = event("close", issue(7, true, CLOSED_AT));

        anonymous().contentType("application/json").header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Token", "not-the-token").body(event).post("/api/hooks/gitlab")
                .then().statusCode(401);
        item(pm, pm.first()).body("status", equalTo("OPEN"));

        deliver(event).statusCode(200).body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("DONE")).body("completedAt", equalTo("2026-03-11T09:30:00Z"));
        deliver(event).statusCode(200).body("changed", equalTo(false));

        ObjectNode reopened = issue(7, false, null);
        reopened.put("updated_at", "2026-03-11T10:00:00Z");
        deliver(event("reopen", reopened)).statusCode(200).body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void anIssueOfAnotherProjectOrUnknownIsAcceptedAndIgnored() {
        Scenarios.Ranked pm = linked();

        deliver(event("close", issue(99, true, CLOSED_AT))).statusCode(202);

        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void theReconcileJobCatchesAMissedClose() {
        Scenarios.Ranked pm = linked();
        fake.stubFor(get(urlPathEqualTo(ISSUES + "/7")).willReturn(okJson(issue(7, true, CLOSED_AT).toString())));

        assertThat(reconciler.run().changed()).isEqualTo(1);

        item(pm, pm.first()).body("status", equalTo("DONE"));
    }

    @Test
    void gitLabDownAnswers502WithoutTheToken() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        fake.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(aResponse().withStatus(503)));

        openTicket(pm, pm.first(), "gitlab").statusCode(502).body("detail", containsString("GitLab answered HTTP 503"))
                .body(not(containsString(TrackerProfile.GITLAB_TOKEN)));
    }

    private Scenarios.Ranked linked() {
        return linked("gitlab", () -> creates(7));
    }

    private void creates(int iid) {
        fake.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(created(issue(iid, false, null))));
    }

    /** An issue as GitLab's API answers it. */
    private static ObjectNode issue(int iid, boolean closed, String closedAt) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 90_000 + iid);
        issue.put("iid", iid);
        issue.put("project_id", 3);
        issue.put("title", "Action 1");
        issue.put("description", "the description");
        issue.put("state", closed ? "closed" : "opened");
        issue.put("created_at", "2026-03-10T12:00:00.000Z");
        issue.put("updated_at", closed ? closedAt : "2026-03-10T12:00:00.000Z");
        issue.put("closed_at", closedAt);
        issue.putArray("labels").add("postmortem-action-item");
        issue.put("web_url", "https://gitlab.example.test/acme/ops/-/issues/" + iid);
        return issue;
    }

    /** An "Issue Hook" event: the issue's fields in {@code object_attributes}, with the action and its address. */
    private static String event(String action, ObjectNode issue) {
        ObjectNode attributes = issue.deepCopy();
        attributes.put("action", action);
        attributes.put("url", issue.get("web_url").asText());
        attributes.remove("web_url");
        ObjectNode event = JSON.createObjectNode();
        event.put("object_kind", "issue");
        event.put("event_type", "issue");
        event.putObject("project").put("id", 3).put("path_with_namespace", "acme/ops");
        event.set("object_attributes", attributes);
        return event.toString();
    }

    private static ValidatableResponse deliver(String event) {
        return anonymous().contentType("application/json").header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Token", TrackerProfile.GITLAB_SECRET).body(event).post("/api/hooks/gitlab").then();
    }
}
