package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.debrief.support.Api.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.AxeCore;
import dev.debrief.support.BrowserSession;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TrackerProfile;
import dev.debrief.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The post-mortem page and the board show each item's ticket; editors open one with a button. */
@QuarkusTest
@TestProfile(TrackerProfile.class)
class TicketsOnPagesTest extends TrackerTestBase {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theButtonOpensTheTicketAndThePageThenLinksIt() {
        Scenarios.Ranked pm = Scenarios.published();
        github.creates(12);
        WebSession editor = WebSession.asEditor();
        Document page = editor.page("/postmortems/" + pm.postmortem());
        assertThat(page.select("[data-testid=open-ticket]")).hasSize(3);

        Response answer = editor.submit(page, "form[action$=/action-items/" + pm.first() + "/ticket]", Map.of());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/postmortems/" + pm.postmortem() + "?notice=ticket-opened");
        Document after = editor.page("/postmortems/" + pm.postmortem() + "?notice=ticket-opened");
        assertThat(after.select("[data-testid=ticket-link]").eachText()).containsExactly("acme/web#12");
        assertThat(after.select("[data-testid=ticket-link]").attr("href"))
                .isEqualTo("https://github.com/acme/web/issues/12");
        assertThat(after.select("[data-testid=ticket-state]").text()).isEqualTo("(open)");
        assertThat(after.select("[data-testid=open-ticket]")).hasSize(2);
        assertThat(after.select("[data-testid=notice]").text()).isEqualTo("Ticket opened in the issue tracker.");
        assertThat(editor.page("/board").select("[data-testid=board-ticket] a").eachText())
                .containsExactly("acme/web#12");
    }

    @Test
    void aTrackerDownIsSaidOnThePageAndNothingChanges() {
        Scenarios.Ranked pm = Scenarios.published();
        fake.stubFor(post(urlPathEqualTo(GitHubFake.ISSUES)).willReturn(aResponse().withStatus(500)));
        WebSession editor = WebSession.asEditor();
        Document page = editor.page("/postmortems/" + pm.postmortem());

        Response answer = editor.submit(page, "form[action$=/action-items/" + pm.first() + "/ticket]", Map.of());

        assertThat(answer.header("Location")).endsWith("?notice=ticket-failed");
        Document after = editor.page("/postmortems/" + pm.postmortem() + "?notice=ticket-failed");
        assertThat(after.select("[data-testid=notice]").text()).contains("the issue tracker did not answer");
        assertThat(after.select("[data-testid=open-ticket]")).hasSize(3);
        fake.verify(1, postRequestedFor(urlPathEqualTo(GitHubFake.ISSUES)));
    }

    @Test
    void viewersSeeTicketsButNoButton() {
        Scenarios.Ranked pm = Scenarios.published();

        Document page = WebSession.asViewer().page("/postmortems/" + pm.postmortem());

        assertThat(page.select("[data-testid=ticket]")).hasSize(3);
        assertThat(page.select("[data-testid=open-ticket]")).isEmpty();
    }

    @Test
    void thePostMortemPageAndBoardWithTicketsAndButtonsHaveNoAccessibilityViolation() throws Exception {
        Scenarios.Ranked pm = Scenarios.published();
        github.creates(12);
        asEditor().post("/api/postmortems/{id}/action-items/{item}/ticket", pm.postmortem(), pm.first())
                .then().statusCode(201);
        try (BrowserSession session = BrowserSession.start(base)) {
            session.signIn("erin", "test-password-1");
            session.open("/postmortems/" + pm.postmortem());
            assertThat(AxeCore.violations(session.driver())).as("post-mortem page").isEmpty();
            session.open("/board");
            assertThat(AxeCore.violations(session.driver())).as("board").isEmpty();
        }
    }
}
