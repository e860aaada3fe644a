package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.debrief.support.Api;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerClosingProfile;
import dev.debrief.support.TrackerProfile;
import dev.debrief.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code debrief.tracker.close-on-done}, the review's DONE or DROP of an item comments on its ticket and closes
 * it, through the closer job, in each tracker's documented shapes; a failing tracker never holds up the review, and a
 * close that came from the tracker is not sent back.
 */
@QuarkusTest
@TestProfile(TrackerClosingProfile.class)
class TicketClosesTest extends TrackerTestBase {

    private static final String GITHUB_ISSUE = GitHubFake.ISSUES + "/12";
    private static final String GITLAB_ISSUE = "/gitlab/api/v4/projects/acme%2Fops/issues/7";
    private static final String JIRA_ISSUE = "/jira/rest/api/2/issue/OPS-7";
    private static final String CLOSED_AT = "2026-03-11T12:00:00Z";

    @Inject
    TrackerJobs jobs;

    @Test
    void doneCommentsOnTheGitHubIssueAndClosesItAsCompleted() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();

        decide(pm.first(), "DONE", null);
        fake.verify(0, anyRequestedFor(anyUrl()));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TrackerProfile.GITHUB_TOKEN))
                .withRequestBody(matchingJsonPath("$.body", containing("Done in Debrief")))
                .withRequestBody(matchingJsonPath("$.body", containing("decided by " + Api.EDITOR)))
                .withRequestBody(matchingJsonPath("$.body",
                        containing("https://debrief.example.test/postmortems/" + pm.postmortem()))));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state", WireMock.equalTo("closed")))
                .withRequestBody(matchingJsonPath("$.state_reason", WireMock.equalTo("completed"))));
        assertThat(openTicket(pm, pm.first(), null).statusCode(200).extract().jsonPath().getString("state"))
                .isEqualTo("closed");
        assertThat(WebSession.asViewer().page("/postmortems/" + pm.postmortem())
                .select("[data-testid=history-line]").eachText())
                .anySatisfy(line -> assertThat(line).contains("commented on and closed GitHub acme/web#12"));
        assertThat(jobs.closeTickets()).as("sent once").isEqualTo(new TrackerJobs.Outcome(0, 0));
    }

    @Test
    void dropClosesTheGitHubIssueAsNotPlannedWithTheReason() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();

        decide(pm.first(), "DROP", "superseded by the new gateway");
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments"))
                .withRequestBody(matchingJsonPath("$.body", containing("Dropped in Debrief")))
                .withRequestBody(matchingJsonPath("$.body", containing("Reason: superseded by the new gateway"))));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_reason", WireMock.equalTo("not_planned"))));
    }

    @Test
    void doneAddsANoteToTheGitLabIssueAndClosesIt() {
        Scenarios.Ranked pm = linkedInGitLab();
        gitLabCloses();

        decide(pm.first(), "DONE", null);
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITLAB_ISSUE + "/notes"))
                .withHeader("PRIVATE-TOKEN", WireMock.equalTo(TrackerProfile.GITLAB_TOKEN))
                .withRequestBody(matchingJsonPath("$.body", containing("Done in Debrief"))));
        fake.verify(1, putRequestedFor(urlPathEqualTo(GITLAB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_event", WireMock.equalTo("close"))));
    }

    @Test
    void dropAddsANoteWithTheReasonToTheGitLabIssueAndClosesIt() {
        Scenarios.Ranked pm = linkedInGitLab();
        gitLabCloses();

        decide(pm.first(), "DROP", "no longer needed");
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITLAB_ISSUE + "/notes"))
                .withRequestBody(matchingJsonPath("$.body", containing("Reason: no longer needed"))));
        fake.verify(1, putRequestedFor(urlPathEqualTo(GITLAB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_event", WireMock.equalTo("close"))));
    }

    @Test
    void doneCommentsOnTheJiraIssueAndTransitionsItToADoneStatus() {
        Scenarios.Ranked pm = linkedInJira();
        jiraCloses(true);

        decide(pm.first(), "DONE", null);
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(JIRA_ISSUE + "/comment"))
                .withRequestBody(matchingJsonPath("$.body", containing("Done in Debrief"))));
        fake.verify(1, postRequestedFor(urlPathEqualTo(JIRA_ISSUE + "/transitions"))
                .withRequestBody(matchingJsonPath("$.transition.id", WireMock.equalTo("31"))));
    }

    @Test
    void dropCommentsOnTheJiraIssueWithTheReasonAndTransitionsIt() {
        Scenarios.Ranked pm = linkedInJira();
        jiraCloses(true);

        decide(pm.first(), "DROP", "covered by OPS-9");
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(JIRA_ISSUE + "/comment"))
                .withRequestBody(matchingJsonPath("$.body", containing("Reason: covered by OPS-9"))));
        fake.verify(1, postRequestedFor(urlPathEqualTo(JIRA_ISSUE + "/transitions")));
    }

    @Test
    void aJiraIssueDoneAlreadyIsNoError() {
        Scenarios.Ranked pm = linkedInJira();
        jiraCloses(false);

        decide(pm.first(), "DONE", null);

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));
        fake.verify(0, postRequestedFor(urlPathEqualTo(JIRA_ISSUE + "/transitions")));
    }

    @Test
    void aTrackerDownNeverBlocksTheReviewAndTheCloseIsRetriedWithoutASecondComment() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();
        fake.stubFor(patch(urlPathEqualTo(GITHUB_ISSUE)).willReturn(aResponse().withStatus(503)));

        decide(pm.first(), "DONE", null);
        item(pm, pm.first()).body("status", equalTo("DONE"));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 1));
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(jobs.closeTickets()).as("within the first wait").isEqualTo(new TrackerJobs.Outcome(0, 0));

        gitHubCloses();
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments")));
        fake.verify(2, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE)));
    }

    @Test
    void aRetryAfterACommentTimedOutFindsTheCommentByItsMarker() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();
        fake.stubFor(post(urlPathEqualTo(GITHUB_ISSUE + "/comments")).willReturn(created("{\"id\":1}")
                .withFixedDelay(2_500)));
        decide(pm.first(), "DONE", null);
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 1));

        String marker = QuarkusTransaction.requiringNew().call(() -> TicketClose.<TicketClose>findAll()
                .firstResult().marker());
        fake.stubFor(get(urlPathEqualTo(GITHUB_ISSUE)).willReturn(okJson(GitHubFake.issue(12, false, null,
                "2026-03-11T12:00:00Z", "b").put("comments", 1).toString())));
        fake.stubFor(get(urlPathEqualTo(GITHUB_ISSUE + "/comments")).willReturn(okJson(
                "[{\"id\":1,\"body\":\"Done in Debrief.\\n\\nDebrief reference: " + marker + "\"}]")));
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments")));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE)));
    }

    @Test
    void anEditToDoneClosesTheTicketAsTheReviewsDoneWould() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();

        edit(pm, pm.first(), Map.of("status", "DONE"));
        fake.verify(0, anyRequestedFor(anyUrl()));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments"))
                .withRequestBody(matchingJsonPath("$.body",
                        containing("Done in Debrief: an edit of the action item marked this action item done")))
                .withRequestBody(matchingJsonPath("$.body", containing("made by " + Api.EDITOR))));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_reason", WireMock.equalTo("completed"))));
        assertThat(openTicket(pm, pm.first(), null).statusCode(200).extract().jsonPath().getString("state"))
                .isEqualTo("closed");
    }

    @Test
    void anEditToDroppedClosesTheTicketAsNotPlannedWithTheReason() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();

        edit(pm, pm.first(), Map.of("status", "DROPPED", "dropReason", "the service is retired"));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments"))
                .withRequestBody(matchingJsonPath("$.body", containing("Dropped in Debrief")))
                .withRequestBody(matchingJsonPath("$.body", containing("Reason: the service is retired"))));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_reason", WireMock.equalTo("not_planned"))));
    }

    @Test
    void anEditThatLeavesTheItemOpenOwesNothing() {
        Scenarios.Ranked pm = linkedInGitHub();

        edit(pm, pm.first(), Map.of("title", "Alert on error-budget burn", "status", "IN_PROGRESS"));

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));
        fake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDoneEditedOpenAndDoneAgainBeforeTheJobRunsClosesOnce() {
        Scenarios.Ranked pm = doneThenOpenedAgain();

        edit(pm, pm.first(), Map.of("status", "DONE"));

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));
        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments")));
    }

    @Test
    void anItemDoneThenOpenedThenDroppedBeforeTheJobRunsClosesAsDropped() {
        Scenarios.Ranked pm = doneThenOpenedAgain();

        edit(pm, pm.first(), Map.of("status", "DROPPED", "dropReason", "the service is retired"));

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(1, 0));
        fake.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_ISSUE + "/comments"))
                .withRequestBody(matchingJsonPath("$.body", containing("Reason: the service is retired"))));
        fake.verify(1, patchRequestedFor(urlPathEqualTo(GITHUB_ISSUE))
                .withRequestBody(matchingJsonPath("$.state_reason", WireMock.equalTo("not_planned"))));
    }

    @Test
    void aCloseThatCameFromTheTrackerIsNotSentBack() throws Exception {
        Scenarios.Ranked pm = linkedInGitHub();
        String body = GitHubFake.delivery("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));
        anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-Hub-Signature-256", GitHubFake.signature(TrackerProfile.GITHUB_SECRET, body)).body(body)
                .post("/api/hooks/github").then().statusCode(200).body("changed", equalTo(true));

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));
        fake.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A first item linked in GitHub, marked done and opened again: its close waits for the job. */
    private Scenarios.Ranked doneThenOpenedAgain() {
        Scenarios.Ranked pm = linkedInGitHub();
        gitHubCloses();
        edit(pm, pm.first(), Map.of("status", "DONE"));
        Map<String, Object> open = new HashMap<>(Map.of("status", "OPEN"));
        open.put("completedAt", null);
        edit(pm, pm.first(), open);
        return pm;
    }

    private Scenarios.Ranked linkedInGitHub() {
        return linked("github", () -> github.creates(12));
    }

    private Scenarios.Ranked linkedInGitLab() {
        return linked("gitlab", () -> fake.stubFor(post(urlPathEqualTo("/gitlab/api/v4/projects/acme%2Fops/issues"))
                .willReturn(created(gitLabIssue("opened")))));
    }

    private Scenarios.Ranked linkedInJira() {
        return linked("jira", () -> fake.stubFor(post(urlPathEqualTo("/jira/rest/api/2/issue"))
                .willReturn(created("{\"id\":\"10007\",\"key\":\"OPS-7\"}"))));
    }

    /** GitHub answers a comment with 201 and the PATCH of the issue's state with the issue, closed. */
    private void gitHubCloses() {
        fake.stubFor(post(urlPathEqualTo(GITHUB_ISSUE + "/comments")).willReturn(created("{\"id\":1,\"body\":\"\"}")));
        fake.stubFor(patch(urlPathEqualTo(GITHUB_ISSUE)).willReturn(okJson(GitHubFake.issue(12, true, CLOSED_AT,
                CLOSED_AT, "b").put("state_reason", "completed").toString())));
    }

    /** GitLab answers a note with 201 and the PUT of {@code state_event} with the issue, closed. */
    private void gitLabCloses() {
        fake.stubFor(post(urlPathEqualTo(GITLAB_ISSUE + "/notes")).willReturn(created("{\"id\":1,\"body\":\"\"}")));
        fake.stubFor(put(urlPathEqualTo(GITLAB_ISSUE)).willReturn(okJson(gitLabIssue("closed"))));
    }

    /**
     * Jira answers a comment with 201 and lists the transitions the issue offers: to "In Progress" and, while it is
     * {@code open}, to "Done" (id 31); a transition answers 204, and the issue reads done after it.
     */
    private void jiraCloses(boolean open) {
        fake.stubFor(post(urlPathEqualTo(JIRA_ISSUE + "/comment")).willReturn(created("{\"id\":\"10100\"}")));
        String toDone = "{\"id\":\"31\",\"name\":\"Done\",\"to\":{\"name\":\"Done\","
                + "\"statusCategory\":{\"key\":\"done\"}}}";
        String toProgress = "{\"id\":\"21\",\"name\":\"Start\",\"to\":{\"name\":\"In Progress\","
                + "\"statusCategory\":{\"key\":\"indeterminate\"}}}";
        fake.stubFor(get(urlPathEqualTo(JIRA_ISSUE + "/transitions")).willReturn(okJson("{\"transitions\":["
                + toProgress + (open ? "," + toDone : "") + "]}")));
        fake.stubFor(post(urlPathEqualTo(JIRA_ISSUE + "/transitions")).willReturn(aResponse().withStatus(204)));
        fake.stubFor(get(urlPathEqualTo(JIRA_ISSUE)).willReturn(okJson("{\"id\":\"10007\",\"key\":\"OPS-7\","
                + "\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}},"
                + "\"resolutiondate\":\"2026-03-11T12:00:00.000+0000\",\"updated\":\"2026-03-11T12:00:00.000+0000\"}}")));
    }

    private static String gitLabIssue(String state) {
        boolean closed = "closed".equals(state);
        return "{\"id\":90007,\"iid\":7,\"state\":\"" + state + "\",\"web_url\":"
                + "\"https://gitlab.example.test/acme/ops/-/issues/7\",\"closed_at\":"
                + (closed ? "\"" + CLOSED_AT + "\"" : "null") + ",\"updated_at\":\"" + (closed ? CLOSED_AT
                : "2026-03-10T12:00:00Z") + "\"}";
    }
}
