package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reconcile job beyond the open tickets: a ticket reopened while its webhook was lost opens its done item again,
 * for items done within {@link Reconciler#REOPEN_WINDOW}; and every ticket is read, a page at a time.
 */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class ReconcilerTest extends TrackerTestBase {

    private static final String CLOSED_AT = "2026-03-11T09:30:00Z";

    private static final String REOPENED_AT = "2026-03-11T11:00:00Z";

    @Inject
    Reconciler reconciler;

    @Inject
    TrackerJobs jobs;

    @Test
    void theReconcileJobCatchesAReopenWhoseWebhookWasMissed() throws Exception {
        Scenarios.Ranked pm = closedInGitHub();
        github.reads(GitHubFake.issue(12, false, null, REOPENED_AT, "b"));

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 1, 1, 0));

        item(pm, pm.first()).body("status", equalTo("OPEN")).body("completedAt", nullValue());
        asViewer().get("/api/postmortems/{id}/history", pm.postmortem()).then()
                .body("[0].action", equalTo("action-item.ticket-reopened"));
        assertThat(WebSession.asViewer().page("/postmortems/" + pm.postmortem())
                .select("[data-testid=history-line]").eachText())
                .anySatisfy(line -> assertThat(line).contains("reopened in GitHub acme/web#12"));
        assertThat(openTicket(pm, pm.first(), null).statusCode(200).extract().jsonPath().getString("state"))
                .isEqualTo("open");
    }

    @Test
    void aClosedTicketStillClosedChangesNothing() throws Exception {
        Scenarios.Ranked pm = closedInGitHub();
        github.reads(GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 1, 0, 0));

        item(pm, pm.first()).body("status", equalTo("DONE")).body("completedAt", equalTo(CLOSED_AT));
    }

    @Test
    void theClosedTicketOfAnItemDoneLongerAgoThanTheWindowIsNotRead() throws Exception {
        Scenarios.Ranked pm = closedInGitHub();
        github.reads(GitHubFake.issue(12, false, null, REOPENED_AT, "b"));
        clock.set(clock.instant().plus(Reconciler.REOPEN_WINDOW).plus(Duration.ofDays(1)));

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 0, 0, 0));

        fake.verify(0, anyRequestedFor(anyUrl()));
        item(pm, pm.first()).body("status", equalTo("DONE"));
    }

    @Test
    void theClosedTicketOfADroppedItemIsNotRead() throws Exception {
        Scenarios.Ranked pm = linked(null, () -> github.creates(12));
        decide(pm.first(), "DROP", "superseded");
        deliverClosed();
        github.reads(GitHubFake.issue(12, false, null, REOPENED_AT, "b"));

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 0, 0, 0));

        fake.verify(0, anyRequestedFor(anyUrl()));
        item(pm, pm.first()).body("status", equalTo("DROPPED"));
    }

    @Test
    void everyOpenTicketIsReadWhenThereAreMoreThanAPage() {
        data.openItems(150, n -> null, n -> null);
        data.sql("insert into tracker_ticket (id, action_item_id, tracker, marker, state, ticket_key, remote_id,"
                + " created_at, attempts) select id, id, 'github', 'debrief-action-item-' || cast(id as varchar(20)),"
                + " 'OPEN', 'acme/web#' || cast(id as varchar(20)), cast(id as varchar(20)), current_timestamp, 0"
                + " from action_item");
        fake.stubFor(get(urlPathMatching(GitHubFake.ISSUES + "/[0-9]+")).willReturn(okJson(GitHubFake.issue(12,
                false, null, "2026-03-10T12:00:00Z", "b").toString())));

        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 150, 0, 0));
    }

    /**
     * The operator pointed GitHub at another repository: issue 12 there is not the ticket opened as acme/old#12, so
     * neither its webhook nor the reconcile job nor a close touches the item of the old one.
     */
    @Test
    void aTicketOfTheRepositoryUsedBeforeIsNotTakenForTheSameNumberInTheNewOne() throws Exception {
        Scenarios.Ranked pm = linked(null, () -> github.creates(12));
        data.sql("update tracker_ticket set ticket_key = 'acme/old#12'");

        String body = GitHubFake.delivery("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));
        anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-Hub-Signature-256", GitHubFake.signature(TrackerProfile.GITHUB_SECRET, body)).body(body)
                .post("/api/hooks/github").then().statusCode(202);
        item(pm, pm.first()).body("status", equalTo("OPEN"));

        fake.resetRequests();
        assertThat(reconciler.run()).isEqualTo(new Reconciler.Outcome(true, 0, 0, 0));
        decide(pm.first(), "DONE", null);
        assertThat(jobs.closeTickets()).isEqualTo(new TrackerJobs.Outcome(0, 0));
        fake.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A draft whose first item is linked to GitHub issue 12, which a webhook closed: the item is done. */
    private Scenarios.Ranked closedInGitHub() throws Exception {
        Scenarios.Ranked pm = linked(null, () -> github.creates(12));
        deliverClosed();
        item(pm, pm.first()).body("status", equalTo("DONE"));
        return pm;
    }

    private static void deliverClosed() throws Exception {
        String body = GitHubFake.delivery("closed", GitHubFake.issue(12, true, CLOSED_AT, CLOSED_AT, "b"));
        anonymous().contentType("application/json").header("X-GitHub-Event", "issues")
                .header("X-Hub-Signature-256", GitHubFake.signature(TrackerProfile.GITHUB_SECRET, body)).body(body)
                .post("/api/hooks/github").then().statusCode(200);
    }
}
