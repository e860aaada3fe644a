package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With {@code debrief.tracker.create-on-publish}, publishing asks for a ticket per item; the creator job opens them,
 * retrying a tracker that is down with backoff, and publishing never waits for the tracker.
 */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class CreateOnPublishTest extends TrackerTestBase {

    @Inject
    TrackerJobs jobs;

    @Test
    void publishingOpensATicketForEachItemThroughTheJob() {
        github.creates(12);
        Scenarios.Ranked pm = Scenarios.published();
        fake.verify(0, anyRequestedFor(anyUrl()));

        assertThat(jobs.openTickets()).isEqualTo(new TrackerJobs.Outcome(3, 0));

        fake.verify(3, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
        asEditor().post("/api/postmortems/{id}/action-items/{item}/ticket", pm.postmortem(), pm.third())
                .then().statusCode(200).body("key", equalTo("acme/web#12"));
        assertThat(jobs.openTickets()).as("nothing left to open").isEqualTo(new TrackerJobs.Outcome(0, 0));
    }

    @Test
    void aTrackerDownDoesNotHoldUpPublishingAndTheJobRetriesAfterTheWait() {
        github.down();
        Scenarios.Ranked pm = Scenarios.published();
        asViewer().get("/api/postmortems/{id}", pm.postmortem()).then().body("status", equalTo("PUBLISHED"));

        assertThat(jobs.openTickets()).isEqualTo(new TrackerJobs.Outcome(0, 3));
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(jobs.openTickets()).as("within the first wait").isEqualTo(new TrackerJobs.Outcome(0, 0));

        fake.resetAll();
        github.lists();
        github.creates(12);
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(jobs.openTickets()).isEqualTo(new TrackerJobs.Outcome(3, 0));
        fake.verify(3, getRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
        fake.verify(3, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }
}
