package dev.debrief.common;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browsers get error pages in the site's layout with a way back; the API keeps problem+json. */
@QuarkusTest
class ErrorPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void aMissingPostMortemIsA404PageWithAWayBack() {
        Response response = WebSession.asViewer().browse("/postmortems/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-testid=error-page] h1").text()).isEqualTo("Not found");
        assertThat(page.select("[data-testid=error-detail]").text()).contains("987654321");
        assertThat(page.select("[data-testid=error-back]").attr("href")).isEqualTo("/");
        assertThat(page.select("nav[aria-label=Main] a")).isNotEmpty();
    }

    @Test
    void aBadReviewWeekIsAPageThatLeadsBackToTheBoard() {
        Response response = WebSession.asViewer().browse("/reviews/not-a-week");

        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-testid=error-back]").attr("href")).isEqualTo("/board");
    }

    @Test
    void anUnknownPageAddressIsA404Page() {
        Response response = WebSession.asViewer().browse("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-testid=error-page]")).hasSize(1);
        assertThat(page.select("[data-testid=error-back]").attr("href")).isEqualTo("/");
    }

    @Test
    void theApiAnswersProblemJsonEvenToABrowser() {
        Response response = asViewer().accept("text/html,*/*;q=0.8").get("/api/postmortems/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPageAskedForWithoutHtmlInAcceptKeepsProblemJson() {
        Response response = WebSession.asViewer().get("/postmortems/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
