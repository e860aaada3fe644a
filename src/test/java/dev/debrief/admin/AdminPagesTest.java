package dev.debrief.admin;

import static dev.debrief.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin page: backups, the export download, an import from a file with its progress. */
@QuarkusTest
class AdminPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void onlyAdminsSeeThePageAndItsLink() {
        assertThat(WebSession.asEditor().get("/admin").statusCode()).isEqualTo(403);
        assertThat(WebSession.asEditor().page("/").select("nav a[href=/admin]")).isEmpty();
        assertThat(admin().page("/").select("nav a[href=/admin]")).hasSize(1);
    }

    @Test
    void withoutAnEmbeddedDatabaseFileThePageSaysHowToBackUpInstead() {
        WebSession admin = admin();
        Document page = admin.page("/admin");
        assertThat(page.select("[data-testid=backups-elsewhere]").text()).contains("pg_dump");
        assertThat(page.select("[data-testid=take-backup]")).isEmpty();
    }

    @Test
    void theExportDownloadIsTheWholeInstance() {
        Scenarios.create(PostMortemJson.complete().with("title", "In the download"));
        Response download = admin().get("/admin/export");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("debrief-export.json");
        assertThat(download.jsonPath().getString("format")).isEqualTo("debrief-instance");
        assertThat(download.jsonPath().getList("tables.postmortem.title")).containsExactly("In the download");
    }

    @Test
    void anImportFromAFileRunsAndThePageShowsHowItEnded() throws Exception {
        long pm = Scenarios.create(PostMortemJson.complete().with("title", "Moved by file"));
        byte[] exported = asAdmin().get("/api/admin/export").asByteArray();
        data.reset();
        data.sql("delete from app_user where username <> 'admin'");

        WebSession admin = admin();
        Response started = admin.submitFile(admin.page("/admin"), "form[action=/admin/import]", "file", exported);
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.header("Location")).endsWith("/admin?notice=import-started");

        Document page = admin.page("/admin");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (page.select("[data-testid=transfer-done], [data-testid=transfer-failed]").isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            page = admin.page("/admin");
        }
        assertThat(page.select("[data-testid=transfer-done]").text()).contains("rows");
        assertThat(page.select("[data-testid=transfer] li").eachText()).contains("postmortem: 1");
        asAdmin().get("/api/postmortems/" + pm).then().statusCode(200);
    }

    @Test
    void anImportIntoAnInstanceThatIsNotEmptyIsRefusedOnThePage() {
        Scenarios.create(PostMortemJson.complete());
        byte[] exported = asAdmin().get("/api/admin/export").asByteArray();
        WebSession admin = admin();

        Response refused = admin.submitFile(admin.page("/admin"), "form[action=/admin/import]", "file", exported);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.asString()).select("[data-testid=admin-message]").text())
                .contains("not empty");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedOnThePage() {
        WebSession admin = admin();
        Response refused = admin.submitFile(admin.page("/admin"), "form[action=/admin/import]", "file",
                "not json".getBytes());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("[data-testid=admin-message]").text())
                .contains("not JSON");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminPageNeverShowsTextFromItsUrl() {
        Document page = admin().page("/admin?notice=Planted%20words&message=Planted%20words&error=evil.example");

        assertThat(page.select("[data-testid=admin-message]")).isEmpty();
        assertThat(page.text()).doesNotContain("Planted words", "evil.example");
    }

    @Test
    void anImportWithoutTheCsrfTokenIsRefused() {
        WebSession admin = admin();
        Document forged = Jsoup.parse("<form action=\"/admin/import\"></form>");

        Response refused = admin.submitFile(forged, "form", "file", "{}".getBytes());
        assertThat(refused.statusCode()).isBetween(400, 403);
    }

    private static WebSession admin() {
        return WebSession.signIn("admin", Api.ADMIN_PASSWORD);
    }
}
