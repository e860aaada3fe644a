package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.BrowserSession;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The writing scenario in a real browser: sign in, write the post-mortem with its four sections and three
 * items, watch the clock, be refused a fourth item, see a blameless warning, survive a conflicting edit
 * without losing text, publish and export.
 */
@QuarkusTest
class WritingInTheBrowserTest {

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
    void writeAPostMortemFromSignInToMarkdownExport() throws Exception {
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        type("j_username", "erin");
        type("j_password", "test-password-1");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("[data-testid=empty-state]"));

        browser.findElement(By.linkText("New post-mortem")).click();
        waitFor(By.id("title"));
        type("title", "Checkout returned 500s");
        new Select(browser.findElement(By.id("severity"))).selectByValue("SEV2");
        type("services", "checkout, payments");
        type("attendees", "Dana, Lee");
        setValue("startedAt", "2026-03-10T07:00");
        setValue("detectedAt", "2026-03-10T07:15");
        setValue("resolvedAt", "2026-03-10T07:50");
        new Select(browser.findElement(By.id("detectionSource"))).selectByValue("CUSTOMER");
        type("whatHappened", "A config push disabled the **payment pool**.");
        type("whyDetectionFailed", "No alert watched the checkout error rate.");
        type("whyResponseFailed", "It was human error: the runbook pointed at a retired dashboard.");
        type("whatWeChange", "Alert on error-budget burn; keep runbooks next to dashboards.");
        String[][] items = {{"Alert on checkout error budget", "team-payments", "DETECTION"},
            {"Link runbooks from every dashboard", "team-sre", "RESPONSE"},
            {"Validate config pushes in CI", "team-platform", "PREVENTION"}};
        for (int rank = 1; rank <= 3; rank++) {
            type("item" + rank + "-title", items[rank - 1][0]);
            type("item" + rank + "-owner", items[rank - 1][1]);
            setValue("item" + rank + "-due", "2026-03-2" + rank);
            new Select(browser.findElement(By.id("item" + rank + "-kind"))).selectByValue(items[rank - 1][2]);
        }
        session.script("document.getElementById('whatHappened').scrollIntoView();");
        session.screenshot("write-form");
        browser.findElement(By.cssSelector("[data-testid=save]")).click();

        waitFor(By.cssSelector("[data-testid=notice]"));
        String page = browser.getCurrentUrl();
        long id = Long.parseLong(page.replaceAll(".*/postmortems/(\\d+).*", "$1"));
        assertThat(text("[data-testid=clock]")).isEqualTo("Write-up: 43 h 50 min left");
        assertThat(browser.findElements(By.cssSelector("[data-testid=action-item]"))).hasSize(3);
        assertThat(text("[data-testid=section-whatHappened] strong")).isEqualTo("payment pool");
        assertThat(text("[data-testid=blameless-warnings]")).contains("human error");
        assertThat(text("[data-testid=ready]")).contains("Everything publishing needs is here");
        session.screenshot("postmortem-page");

        Scenarios.create(PostMortemJson.complete().with("title", "Search index stale").with("severity", "SEV3")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:40:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));
        Scenarios.create(PostMortemJson.complete().with("title", "Login latency above SLO")
                .with("startedAt", "2026-03-09T07:00:00Z").with("detectedAt", "2026-03-09T07:05:00Z")
                .with("resolvedAt", "2026-03-09T08:00:00Z"));
        open("/");
        waitFor(By.cssSelector("[data-testid=due-row]"));
        List<String> clocks = browser.findElements(By.cssSelector("[data-testid=due-row] [data-testid=clock]"))
                .stream().map(WebElement::getText).toList();
        assertThat(clocks).containsExactly("overdue by 26 h", "20 h left", "43 h 50 min left");
        WebElement ours = browser.findElements(By.cssSelector("[data-testid=due-row] [data-testid=clock]")).get(2);
        assertThat(ours.getAttribute("class")).contains("ok");
        session.screenshot("home");

        open("/postmortems/" + id + "/edit");
        waitFor(By.id("title"));
        session.script("""
                const form = document.querySelector('form.write');
                for (const [name, value] of [['itemTitle', 'A fourth idea'], ['itemOwner', 'someone'],
                        ['itemDueDate', '2026-04-01'], ['itemKind', 'PREVENTION']]) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }""");
        type("whyDetectionFailed", " Nobody owned the alert.");
        browser.findElement(By.cssSelector("[data-testid=save]")).click();
        assertThat(text("[data-testid=form-error]")).contains("at most three action items");
        assertThat(browser.findElement(By.id("whyDetectionFailed")).getAttribute("value"))
                .isEqualTo("No alert watched the checkout error rate. Nobody owned the alert.");

        open("/postmortems/" + id + "/edit");
        waitFor(By.id("whatHappened"));
        Map<String, Object> theirs = asEditor().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        theirs.put("whatHappened", "Lee's account of the config push.");
        asEditor().body(theirs).put("/api/postmortems/{id}", id).then().statusCode(200);
        browser.findElement(By.id("whatHappened")).clear();
        type("whatHappened", "My account, typed while Lee saved.");
        browser.findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(By.cssSelector("[data-testid=conflict]"));
        assertThat(browser.findElement(By.id("whatHappened")).getAttribute("value"))
                .isEqualTo("My account, typed while Lee saved.");
        assertThat(text("[data-testid=theirs-whatHappened] pre")).isEqualTo("Lee's account of the config push.");
        session.screenshot("conflict");
        browser.findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(By.cssSelector("[data-testid=notice]"));
        assertThat(text("[data-testid=section-whatHappened]")).contains("My account, typed while Lee saved.");

        browser.findElement(By.cssSelector("[data-testid=publish]")).click();
        waitFor(By.cssSelector("[data-testid=notice]"));
        assertThat(text("[data-testid=status]")).startsWith("Published");

        Object markdown = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-testid=download-markdown]').href)
                  .then(r => r.text()).then(done);""");
        assertThat((String) markdown).startsWith("# Checkout returned 500s")
                .contains("## Why did our detection fail?")
                .contains("| 1 | Alert on checkout error budget | team\\-payments |");
    }

    @Test
    void storedScriptPayloadsNeverRunInTheBrowser() {
        long id = PostMortemPagesTest.storeScriptPayloads();
        open("/login");
        type("j_username", "erin");
        type("j_password", "test-password-1");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("[data-testid=counts]"));
        for (String path : List.of("/", "/postmortems", "/postmortems/" + id, "/postmortems/" + id + "/edit")) {
            open(path);
            waitFor(By.tagName("h1"));
            assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("alert on " + path).isNull();
        }
        open("/postmortems/" + id);
        assertThat(text("[data-testid=title]")).isEqualTo("Payload " + PostMortemPagesTest.SCRIPT);
    }

    private void open(String path) {
        session.open(path);
    }

    private WebElement waitFor(By locator) {
        return session.waitFor(locator);
    }

    private void type(String id, String text) {
        session.type(id, text);
    }

    private void setValue(String id, String value) {
        session.setValue(id, value);
    }

    private String text(String css) {
        return session.text(css);
    }
}
