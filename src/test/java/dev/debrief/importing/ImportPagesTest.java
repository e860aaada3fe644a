package dev.debrief.importing;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /imports page: upload, preview beside the source, import, and follow a batch. */
@QuarkusTest
class ImportPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void viewersGetTheForbiddenPageAndEditorsTheLinkInTheNav() {
        assertThat(WebSession.asViewer().browse("/imports").statusCode()).isEqualTo(403);
        assertThat(WebSession.asViewer().page("/").select("nav a[href=/imports]")).isEmpty();
        assertThat(WebSession.asEditor().page("/").select("nav a[href=/imports]")).hasSize(1);
    }

    @Test
    void aDocumentIsPreviewedBesideItsSourceThenImportedUnchanged() {
        WebSession editor = WebSession.asEditor();
        String markdown = Zips.document(4) + "\n## Contributing factors\n- capacity: too few workers\n";

        Response preview = upload(editor, "incident-4.md", markdown, "preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(preview.asString());
        assertThat(page.selectFirst("[data-testid=preview-title]").text()).isEqualTo("Incident 4: checkout slow");
        assertThat(page.selectFirst("[data-testid=import-source]").wholeText()).isEqualTo(markdown);
        assertThat(page.selectFirst("[data-testid=preview-factors]").text()).isEqualTo("Capacity: too few workers");
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();

        Response imported = editor.submit(page, "form[action=/imports/document]", Map.of());

        assertThat(imported.statusCode()).isEqualTo(303);
        String location = imported.header("Location");
        assertThat(location).matches(".*/postmortems/\\d+$");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(asViewer().accept("text/markdown").get("/api/postmortems/{id}/source", id).asString())
                .isEqualTo(markdown);
    }

    @Test
    void aRefusedImportShowsThePreviewWithWhatIsWrong() {
        Response refused = upload(WebSession.asEditor(), "typo.md",
                Zips.document(5).replace("2025-06-06", "2205-06-06"), "import");

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=import-error-startedAt]")).hasSize(1);
        assertThat(page.select("[data-testid=import-source]")).hasSize(1);
    }

    @Test
    void aZipStartsABatchWhosePageListsWhatWasCreatedWithLinks() {
        WebSession editor = WebSession.asEditor();
        byte[] archive = Zips.archive().with("a.md", Zips.document(1)).with("notes.txt", "x").bytes();

        Response started = editor.submitFile(editor.page("/imports"), "form[data-testid=upload]", "file",
                "history.zip", "application/zip", archive, Map.of("action", "preview"));

        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long created = ImportBatchApiTest.finished(id).getLong("created[0]");
        Document page = editor.page("/imports/batches/" + id);
        assertThat(page.selectFirst("[data-testid=batch]").attr("data-finished")).isEqualTo("true");
        assertThat(page.selectFirst("[data-testid=batch-link]").attr("href")).isEqualTo("/postmortems/" + created);
        assertThat(page.select("[data-testid=batch-file]")).hasSize(2);
        assertThat(page.selectFirst("progress").attr("value")).isEqualTo("1");
    }

    @Test
    void anEmptyUploadOrABadArchiveIsRefusedOnThePage() {
        WebSession editor = WebSession.asEditor();

        Response empty = upload(editor, "empty.md", "", "preview");
        Response broken = editor.submitFile(editor.page("/imports"), "form[data-testid=upload]", "file", "broken.zip",
                "application/zip", "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1),
                Map.of("action", "preview"));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(empty.asString()).select("[data-testid=import-message]")).hasSize(1);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(broken.asString()).selectFirst("[data-testid=import-message]").text())
                .contains("not a zip archive");
    }

    private static Response upload(WebSession session, String name, String markdown, String action) {
        return session.submitFile(session.page("/imports"), "form[data-testid=upload]", "file", name, "text/markdown",
                markdown.getBytes(StandardCharsets.UTF_8), Map.of("action", action));
    }
}
