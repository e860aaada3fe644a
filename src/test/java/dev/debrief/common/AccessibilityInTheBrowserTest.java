package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.demo.DemoYear;
import dev.debrief.support.Api;
import dev.debrief.support.AxeCore;
import dev.debrief.support.BrowserSession;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Every page passes axe-core's WCAG 2.1 A and AA rules, with data on it and empty, and the error page too. */
@QuarkusTest
class AccessibilityInTheBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    DemoYear demo;

    private BrowserSession session;

    @BeforeEach
    void start() throws Exception {
        data.reset();
        session = BrowserSession.start(base);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void everyPageWithDataHasNoViolation() throws Exception {
        long published = Scenarios.published().postmortem();
        Api.asAdmin().body(Map.of("name", "Search")).post("/api/teams").then().statusCode(201);
        long draft = Scenarios.create(PostMortemJson.complete().with("title", "Search index stale")
                .with("team", "Search").with("tags", List.of("index", "stale data"))
                .with("factors", List.of(Map.of("factorId", 4, "note", "the indexer's queue"))));
        Scenarios.addItem(draft, PostMortemJson.item(1));

        Map<String, List<String>> violations = new LinkedHashMap<>();
        session.open("/login");
        violations.put("/login", AxeCore.violations(session.driver()));
        session.signIn("erin", "test-password-1");
        for (String path : List.of("/", "/postmortems", "/postmortems/new", "/postmortems/" + published,
                "/postmortems/" + draft, "/postmortems/" + draft + "/edit", "/board", "/reports/monthly",
                "/board?team=Search&tag=index", "/postmortems?team=Search&tag=index",
                "/postmortems?q=index+config*&factor=Dependency&from=2026-03-01",
                "/reports/monthly?team=Search&tag=index",
                "/postmortems/987654321", "/account/password", "/account/tokens")) {
            session.open(path);
            violations.put(path, AxeCore.violations(session.driver()));
        }
        session.open("/board");
        session.driver().findElement(By.cssSelector("[data-testid=start-review]")).click();
        session.waitFor(By.cssSelector("[data-testid=agenda-item]"));
        violations.put("review", AxeCore.violations(session.driver()));

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void aFormWithErrorsAndAConflictingSaveHaveNoViolation() throws Exception {
        long draft = Scenarios.create(PostMortemJson.complete().without("resolvedAt"));
        session.signIn("erin", "test-password-1");
        Map<String, List<String>> violations = new LinkedHashMap<>();

        session.open("/postmortems/new");
        session.driver().findElement(By.cssSelector("[data-testid=save]")).click();
        session.waitFor(By.cssSelector("[data-testid=has-errors]"));
        violations.put("the new form, refused", AxeCore.violations(session.driver()));

        session.open("/postmortems/" + draft + "/edit");
        Map<String, Object> theirs = Api.asEditor().get("/api/postmortems/" + draft).jsonPath().getMap("");
        theirs.put("resolvedAt", PostMortemJson.STARTED.plusSeconds(3000).toString());
        theirs.put("summary", "Their summary.");
        Api.asEditor().body(theirs).put("/api/postmortems/" + draft).then().statusCode(200);
        session.driver().findElement(By.cssSelector("[data-testid=save]")).click();
        session.waitFor(By.cssSelector("[data-testid=their-other-fields]"));
        violations.put("the edit form, in conflict", AxeCore.violations(session.driver()));

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void aBoardWithMoreRowsThanItShowsHasNoViolation() throws Exception {
        data.openItems(150, n -> n % 2 == 0 ? "alice" : "bob", n -> LocalDate.parse("2026-03-01").plusDays(n % 7));
        session.signIn("erin", "test-password-1");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        session.open("/board");
        violations.put("/board, first 100", AxeCore.violations(session.driver()));
        session.driver().findElement(By.cssSelector("[data-testid=overdue-next]")).click();
        session.waitFor(By.cssSelector("[data-testid=overdue] tr:nth-child(150)"));
        violations.put("/board, all 150", AxeCore.violations(session.driver()));

        assertThat(session.driver().findElements(By.cssSelector("[data-testid=overdue-next]"))).isEmpty();
        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void thePagesOfTheDemoYearHaveNoViolation() throws Exception {
        demo.load();
        session.signIn("admin", Api.ADMIN_PASSWORD);
        String week = Api.asViewer().get("/api/reviews").jsonPath().getString("[0].week");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String path : List.of("/", "/postmortems", "/board", "/reports/monthly", "/reviews/" + week, "/admin",
                "/admin/audit", "/admin/lists")) {
            session.open(path);
            violations.put(path, AxeCore.violations(session.driver()));
        }

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void everyPageOfAnEmptyInstanceHasNoViolation() throws Exception {
        session.signIn("erin", "test-password-1");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String path : List.of("/", "/postmortems", "/board", "/reports/monthly")) {
            session.open(path);
            violations.put(path, AxeCore.violations(session.driver()));
        }

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void theImportPagesHaveNoViolation() throws Exception {
        Path dir = Files.createTempDirectory("debrief-import");
        Path document = Files.writeString(dir.resolve("queue.md"), """
                # Queue stalled

                - Date: 2026-02-10 09:00 UTC

                ## Summary
                The queue stopped draining.

                ## Customer communication
                A status page update went out.

                ## Action items
                - Alert on queue age @alice due 2026-04-01
                """);
        Path archive = dir.resolve("history.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("queue.md"));
            zip.write(Files.readAllBytes(document));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("diagram.png"));
            zip.write(new byte[] {1, 2});
            zip.closeEntry();
        }
        session.signIn("erin", "test-password-1");
        Map<String, List<String>> violations = new LinkedHashMap<>();

        session.open("/imports");
        violations.put("/imports", AxeCore.violations(session.driver()));
        session.driver().findElement(By.id("file")).sendKeys(document.toString());
        session.driver().findElement(By.cssSelector("[data-testid=preview]")).click();
        session.waitFor(By.cssSelector("[data-testid=import-preview]"));
        violations.put("preview", AxeCore.violations(session.driver()));
        session.open("/imports");
        session.driver().findElement(By.id("file")).sendKeys(archive.toString());
        session.driver().findElement(By.cssSelector("[data-testid=preview]")).click();
        session.waitFor(By.cssSelector("[data-testid=batch][data-finished=true]"));
        violations.put("batch", AxeCore.violations(session.driver()));

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }
}
