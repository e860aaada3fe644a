package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.debrief.common.NotFoundException;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Action items and GitHub Issues, against a fake of GitHub's REST API and webhooks, on the fixed test clock. */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class GitHubTicketsTest extends TrackerTestBase {

    private static final String CLOSED_AT = "2026-03-11T09:30:00Z";

    @Inject
    Reconciler reconciler;

    @Inject
    TicketClaims claims;

    @Inject
    TrackerJobs jobs;

    @Test
    void openingATicketCreatesOneLabelledIssueThatLinksBack() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        github.creates(12);

        openTicket(pm, pm.first(), null).statusCode(201)
                .body("tracker", equalTo("github")).body("key", equalTo("acme/web#12"))
                .body("url", equalTo("https://github.com/acme/web/issues/12")).body("state", equalTo("open"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TrackerProfile.GITHUB_TOKEN))
                .withRequestBody(matchingJsonPath("$.title", WireMock.equalTo("Action 1")))
                .withRequestBody(matchingJsonPath("$.labels[0]", WireMock.equalTo("postmortem-action-item")))
                .withRequestBody(matchingJsonPath("$.body", containing("Owner: team-payments")))
                .withRequestBody(matchingJsonPath("$.body", containing("Due: 2026-03-24")))
                .withRequestBody(matchingJsonPath("$.body", containing("Rank: 1")))
                .withRequestBody(matchingJsonPath("$.body", containing("Checkout returned 500s")))
                .withRequestBody(matchingJsonPath("$.body",
                        containing("https://debrief.example.test/postmortems/" + pm.postmortem())))
                .withRequestBody(matchingJsonPath("$.body", containing("debrief-action-item-" + pm.first()))));
    }

    @Test
    void anItemDeletedWhileItsTicketIsBeingOpenedIsANotFoundNamingTheTicketLeftThere() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        TicketClaims.Claimed claimed = claims.begin(pm.postmortem(), pm.first(), TrackerKind.GITHUB).claimed();
        asEditor().delete("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.first())
                .then().statusCode(204);

        assertThatThrownBy(() -> claims.link(claimed, new Tracker.RemoteTicket("12", "acme/web#12",
                "https://github.com/acme/web/issues/12", false, null, null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("acme/web#12");
    }

    @Test
    void askingAgainAnswersTheExistingTicketWithoutASecondIssue() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        github.creates(12);
        openTicket(pm, pm.first(), null).statusCode(201);

        openTicket(pm, pm.first(), null).statusCode(200).body("key", equalTo("acme/web#12"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }

    @Test
    void aRetryAfterATimeoutFindsTheIssueByItsMarkerInsteadOfOpeningASecond() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        github.createsSlowly(12);

        openTicket(pm, pm.first(), null).statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("GitHub did not answer within 1 s"));

        github.lists(GitHubFake.issue(13, false, null, "2026-03-10T12:00:00Z", "another item's ticket"),
                GitHubFake.issue(12, false, null, "2026-03-10T12:00:00Z",
                        "...\n\nDebrief reference: debrief-action-item-" + pm.first() + "\n"));
        openTicket(pm, pm.first(), null).statusCode(201).body("key", equalTo("acme/web#12"));

        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
        fake.verify(1, getRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }

    @Test
    void aTrackerDownAnswers502NamingItLeavesTheItemUnchangedAndNeverShowsTheToken() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        long version = version(pm, pm.first());
        github.down();

        openTicket(pm, pm.first(), null).statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("Issue tracker failed"))
                .body("detail", containsString("GitHub answered HTTP 500"))
                .body(not(containsString(TrackerProfile.GITHUB_TOKEN)));

        item(pm, pm.first()).body("version", equalTo((int) version)).body("status", equalTo("OPEN"));
        asViewer().get("/api/board?asOf=2026-03-10").then().statusCode(200);
    }

    @Test
    void afterAFailureWithNoIssueMadeTheRetryLooksThenCreates() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        github.down();
        openTicket(pm, pm.first(), null).statusCode(502);

        fake.resetAll();
        // Another item's ticket whose marker starts with this item's: not this item's ticket.
        github.lists(GitHubFake.issue(13, false, null, "2026-03-10T12:00:00Z",
                "...\n\nDebrief reference: debrief-action-item-" + pm.first() + "1\n"));
        github.creates(14);
        openTicket(pm, pm.first(), null).statusCode(201).body("key", equalTo("acme/web#14"));

        fake.verify(1, getRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }

    @Test
    void twoRequestsAtOnceMakeOneIssue() throws Exception {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        github.createsAfter(12, Duration.ofMillis(300));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> answers = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return openTicket(pm, pm.first(), null).extract().statusCode();
        })).toList();

        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }

    @Test
    void viewersCannotOpenTicketsAndAnUnknownItemIs404() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();

        asViewer().post("/api/postmortems/{id}/action-items/{item}/ticket", pm.postmortem(), pm.first())
                .then().statusCode(403);
        asEditor().post("/api/postmortems/{id}/action-items/{item}/ticket", pm.postmortem(), 987654321L)
                .then().statusCode(404).contentType("application/problem+json");
        asEditor().post("/api/postmortems/{id}/action-items/{item}/ticket?tracker=linear", pm.postmortem(),
                pm.first()).then().statusCode(400).body("errors[0].field", equalTo("tracker"));
    }

    @Test
    void theBoardRowsCarryTheTicketOrNull() {
        Scenarios.Ranked pm = Scenarios.published();
        github.creates(12);
        openTicket(pm, pm.first(), null).statusCode(201);

        ValidatableResponse board = asViewer().get("/api/board?asOf=2026-03-10").then().statusCode(200);

        board.body("later.find { it.actionItemId == " + pm.first() + " }.ticket.tracker", equalTo("github"))
                .body("later.find { it.actionItemId == " + pm.first() + " }.ticket.key", equalTo("acme/web#12"))
                .body("later.find { it.actionItemId == " + pm.first() + " }.ticket.url",
                        equalTo("https://github.com/acme/web/issues/12"))
                .body("later.find { it.actionItemId == " + pm.first() + " }.ticket.state", equalTo("open"))
                .body("later.find { it.actionItemId == " + pm.second() + " }", not(nullValue()))
                .body("later.find { it.actionItemId == " + pm.second() + " }.ticket", nullValue());
    }

    @Test
    void aSignedCloseCompletesTheItemAtTheCloseTimeWithAHistoryLine() throws Exception {
        Scenarios.Ranked pm = linked(12);

        deliver("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(200)
                .body("changed", equalTo(true));

        item(pm, pm.first()).body("status", equalTo("DONE")).body("completedAt", equalTo(CLOSED_AT));
        asViewer().get("/api/postmortems/{id}/history", pm.postmortem()).then()
                .body("[0].action", equalTo("action-item.ticket-closed"));
        assertThat(ticketState(pm, pm.first())).isEqualTo("closed");
        assertThat(WebSession.asViewer().page("/postmortems/" + pm.postmortem())
                .select("[data-testid=history-line]").eachText())
                .anySatisfy(line -> assertThat(line).contains("closed in GitHub acme/web#12"));
    }

    @Test
    void aBadSignatureIs401AndChangesNothing() throws Exception {
        Scenarios.Ranked pm = linked(12);
        String body = GitHubFake.delivery("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));

        anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-Hub-Signature-256", GitHubFake.signature("not-the-secret", body)).body(body)
                .post("/api/hooks/github").then().statusCode(401).contentType("application/problem+json");
        anonymous().contentType("application/json").header("X-GitHub-Event", "issues").body(body)
                .post("/api/hooks/github").then().statusCode(401);

        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void aTicketDebriefDoesNotKnowIsAcceptedAndIgnored() throws Exception {
        Scenarios.Ranked pm = linked(12);

        deliver("closed", GitHubFake.issue(99, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(202);

        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void aReplayedDeliveryChangesNothing() throws Exception {
        Scenarios.Ranked pm = linked(12);
        deliver("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(200);
        long version = version(pm, pm.first());

        deliver("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(200)
                .body("changed", equalTo(false));

        item(pm, pm.first()).body("version", equalTo((int) version));
        asViewer().get("/api/postmortems/{id}/history", pm.postmortem()).then()
                .body("findAll { it.action == 'action-item.ticket-closed' }.size()", equalTo(1));
    }

    @Test
    void aReopenedTicketOpensTheItemAgainAndALateCloseDoesNotUndoIt() throws Exception {
        Scenarios.Ranked pm = linked(12);
        deliver("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(200);

        deliver("reopened", GitHubFake.issue(12, false, null, "2026-03-11T10:00:00Z", "b")).statusCode(200)
                .body("changed", equalTo(true));
        item(pm, pm.first()).body("status", equalTo("OPEN")).body("completedAt", nullValue());
        asViewer().get("/api/postmortems/{id}/history", pm.postmortem()).then()
                .body("[0].action", equalTo("action-item.ticket-reopened"));

        deliver("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b")).statusCode(200)
                .body("changed", equalTo(false));
        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void aReviewsDoneSendsNothingToTheTrackerWhileClosingIsOff() {
        Scenarios.Ranked pm = linked(12);

        decide(pm.first(), "DONE", null);

        item(pm, pm.first()).body("status", equalTo("DONE"));
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));
        fake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEditToDoneSendsNothingToTheTrackerWhileClosingIsOff() {
        Scenarios.Ranked pm = linked(12);

        edit(pm, pm.first(), Map.of("status", "DONE"));

        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));
        fake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theReconcileJobCatchesACloseWhoseWebhookWasMissed() {
        Scenarios.Ranked pm = linked(12);
        github.reads(GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));

        Reconciler.Outcome outcome = reconciler.run();

        assertThat(outcome).isEqualTo(new Reconciler.Outcome(true, 1, 1, 0));
        item(pm, pm.first()).body("status", equalTo("DONE")).body("completedAt", equalTo(CLOSED_AT));
    }

    @Test
    void aTrackerDownDuringReconcileLeavesTheItemAsItIs() {
        Scenarios.Ranked pm = linked(12);
        github.readFails(12);

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 0, 0, 1));

        item(pm, pm.first()).body("status", equalTo("OPEN"));
    }

    @Test
    void twoInstancesReconcilingAtOnceReadEachTicketOnce() throws Exception {
        linked(12);
        github.reads(GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));
        CyclicBarrier start = new CyclicBarrier(2);

        List<Reconciler.Outcome> outcomes = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return reconciler.run();
        })).toList().stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).extracting(Reconciler.Outcome::ran).containsExactlyInAnyOrder(true, false);
        fake.verify(1, getRequestedFor(urlPathEqualTo(GitHubFake.ISSUES + "/12")));

        clock.set(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(reconciler.run().ran()).as("the next period runs again").isTrue();
    }

    /** A draft with three items, its first linked to GitHub issue {@code number}; the clock a day later. */
    private Scenarios.Ranked linked(int number) {
        return linked(null, () -> github.creates(number));
    }

    private String ticketState(Scenarios.Ranked pm, long item) {
        return openTicket(pm, item, null).statusCode(200).extract().jsonPath().getString("state");
    }

    private static ValidatableResponse deliver(String action, ObjectNode issue)
            throws Exception {
        String body = GitHubFake.delivery(action, issue);
        return anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
                .header("X-Hub-Signature-256", GitHubFake.signature(TrackerProfile.GITHUB_SECRET, body)).body(body)
                .post("/api/hooks/github").then();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
