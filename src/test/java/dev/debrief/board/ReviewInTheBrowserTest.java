package dev.debrief.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.BrowserSession;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A weekly review in a real browser: open the board, decide on three items, finish, see the history. */
@QuarkusTest
class ReviewInTheBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    private BrowserSession session;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        data.reset();
        session = BrowserSession.start(base);
        browser = session.driver();
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void decideOnThreeItemsFinishAndSeeTheHistory() throws Exception {
        long pm = Scenarios.create(PostMortemJson.complete().with("title", "Checkout returned 500s"));
        long[] items = new long[3];
        String[] due = {"2026-03-02", "2026-03-06", "2026-03-13"};
        String[] owners = {"team-payments", "team-sre", "team-platform"};
        for (int rank = 1; rank <= 3; rank++) {
            Map<String, Object> item = PostMortemJson.item(rank);
            item.put("dueDate", due[rank - 1]);
            item.put("owner", owners[rank - 1]);
            items[rank - 1] = Scenarios.addItem(pm, item);
        }
        Scenarios.create(PostMortemJson.complete().with("title", "Search index stale")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:10:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));

        session.signIn("erin", "test-password-1");

        browser.findElement(By.linkText("Board")).click();
        waitFor(By.cssSelector("[data-testid=overdue]"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=overdue] [data-testid=board-row]"))).hasSize(2);
        session.screenshot("board");
        browser.findElement(By.cssSelector("[data-testid=start-review]")).click();
        waitFor(By.cssSelector("[data-testid=agenda-item]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Weekly review 2026-W11");

        decide(items[0], "REDATE", "2026-03-20", "vendor ships on the 19th", "Pat chases the vendor");
        assertThat(waitFor(By.cssSelector("[data-testid=review-message]")).getText()).contains("REDATE");
        decide(items[1], "DONE", null, null, "Dashboard links merged");
        decide(items[2], "DROP", null, "superseded by the new load balancer", null);
        assertThat(browser.findElements(By.cssSelector("[data-testid=decision]"))).hasSize(3);
        session.screenshot("review");

        browser.findElement(By.id("attendees")).sendKeys("Pat, Sam");
        browser.findElement(By.cssSelector("[data-testid=finish]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=not-discussed-count]")).getText())
                .startsWith("0 open item");

        open("/postmortems/" + pm);
        String history = waitFor(By.cssSelector("[data-testid=history]")).getText();
        assertThat(history).contains("re-dated from 2026-03-02 to 2026-03-20 (vendor ships on the 19th)")
                .contains("marked done").contains("dropped (superseded by the new load balancer)")
                .contains("Pat chases the vendor");
        assertThat(browser.findElements(By.cssSelector("[data-testid=history-line]"))).hasSize(3);
    }

    private void decide(long item, String decision, String newDue, String reason, String note) {
        WebElement form = waitFor(By.cssSelector("[data-testid=decide-" + item + "]"));
        new Select(form.findElement(By.name("decision"))).selectByValue(decision);
        if (newDue != null) {
            session.setValue(form.findElement(By.name("newDueDate")), newDue);
        }
        if (reason != null) {
            form.findElement(By.name("reason")).sendKeys(reason);
        }
        if (note != null) {
            form.findElement(By.name("note")).sendKeys(note);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(form));
    }

    private void open(String path) {
        session.open(path);
    }

    private WebElement waitFor(By locator) {
        return session.waitFor(locator);
    }
}
