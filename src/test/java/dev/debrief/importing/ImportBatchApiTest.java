package dev.debrief.importing;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.common.DebriefConfig;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/imports with a zip archive: 202, then GET /api/imports/{id} follows the batch to its end. */
@QuarkusTest
class ImportBatchApiTest {

    @Inject
    TestData data;

    @Inject
    ImportQueue queue;

    @Inject
    DebriefConfig config;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void anArchiveIsImportedInTheBackgroundAndABadFileDoesNotStopTheOthers() {
        byte[] archive = Zips.archive().folder("2025").with("2025/one.md", Zips.document(1))
                .with("2025/typo.md", Zips.document(2).replace("2025-06-03", "2205-06-03"))
                .with("2025/two.md", Zips.document(3)).with("2025/diagram.png", new byte[] {1, 2, 3}).bytes();

        Response accepted = zip(archive).post("/api/imports");

        assertThat(accepted.statusCode()).isEqualTo(202);
        long id = accepted.jsonPath().getLong("id");
        assertThat(accepted.header("Location")).endsWith("/api/imports/" + id);
        JsonPath batch = finished(id);
        assertThat(batch.getInt("total")).isEqualTo(3);
        assertThat(batch.getInt("done")).isEqualTo(3);
        assertThat(batch.getList("created")).hasSize(2);
        assertThat(batch.getList("failed.file")).containsExactly("2025/typo.md");
        assertThat(batch.getString("failed[0].reason")).contains("startedAt");
        assertThat(batch.getList("ignored.file")).containsExactly("2025/diagram.png");
        for (Object created : batch.getList("created")) {
            asViewer().get("/api/postmortems/{id}", created).then().statusCode(200).body("status",
                    equalTo("DRAFT"));
        }
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void theSameArchiveAgainCreatesNothingAndNamesWhatEachDocumentWasImportedAs() {
        byte[] archive = Zips.archive().with("a.md", Zips.document(1)).with("b.md", Zips.document(2)).bytes();
        List<Long> first = finished(zip(archive).post("/api/imports").jsonPath().getLong("id"))
                .getList("created", Long.class);

        JsonPath again = finished(zip(archive).post("/api/imports").jsonPath().getLong("id"));

        assertThat(again.getList("created")).isEmpty();
        assertThat(again.getList("skipped.postmortem", Long.class)).containsExactlyElementsOf(first);
        assertThat(again.getList("files.outcome")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void aDocumentImportedAloneIsSkippedInAnArchiveAndRefusedAgainAlone() {
        long alone = asEditor().contentType("text/markdown").body(Zips.document(7)).post("/api/imports").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        JsonPath batch = finished(zip(Zips.archive().with("seven.md", Zips.document(7)).bytes())
                .post("/api/imports").jsonPath().getLong("id"));

        assertThat(batch.getList("skipped.postmortem", Long.class)).containsExactly(alone);
        asEditor().contentType("text/markdown").body(Zips.document(7)).post("/api/imports").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("post-mortem " + alone));
        asEditor().contentType("text/markdown").body(Zips.document(7)).post("/api/imports?dryRun=true").then()
                .statusCode(200).body("warnings", hasItem(containsString("imported before, as post-mortem " + alone)));
    }

    @Test
    void theBatchIsReadFromTheDatabaseByAnyone() {
        long id = zip(Zips.archive().with("a.md", Zips.document(1)).bytes()).post("/api/imports").jsonPath()
                .getLong("id");
        finished(id);

        asViewer().get("/api/imports/{id}", id).then().statusCode(200).body("startedBy",
                equalTo("erin"));
        asViewer().get("/api/imports/{id}", 987_654_321).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theImportIsRecordedAsTheEditorWhoSentTheArchive() {
        long id = zip(Zips.archive().with("a.md", Zips.document(1)).bytes()).post("/api/imports").jsonPath()
                .getLong("id");
        long created = finished(id).getLong("created[0]");

        List<String> actors = asViewer().get("/api/postmortems/{id}/history", created).then().statusCode(200)
                .extract().jsonPath().getList("actor");
        assertThat(actors).isNotEmpty().containsOnly("erin");
    }

    @Test
    void aBodyThatIsNotAZipIsA400NamingIt() {
        zip("# Not a zip\n".getBytes()).post("/api/imports").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not a zip archive"))
                .body("errors.field", hasItem("body"));
    }

    @Test
    void anotherMediaTypeIsA415NamingTheTwoTaken() {
        asEditor().contentType("application/json").body("{}").post("/api/imports").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/zip"))
                .body("errors.field", hasItem("Content-Type"));
        asEditor().contentType("text/markdown").body(Zips.archive().with("a.md", "# A\n").bytes())
                .post("/api/imports").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anArchiveBeyondTheLimitsIsA413NamingTheSetting() {
        Zips many = Zips.archive();
        for (int i = 0; i < 41; i++) {
            many.with(i + ".md", Zips.document(i));
        }
        zip(many.bytes()).post("/api/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("debrief.imports.max-entries"));

        Zips bomb = Zips.archive();
        for (int i = 0; i < 5; i++) {
            bomb.with(i + ".md", "# Bomb\n" + "x".repeat(900_000));
        }
        byte[] small = bomb.bytes();
        assertThat(small.length).isLessThan(50_000);
        zip(small).post("/api/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("debrief.imports.max-total-size"));
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();
    }

    @Test
    void whileEarlierArchivesFillTheQueueAnotherIsA503AndTheRoomComesBackAsTheyAreImported() {
        long full = 2 * config.imports().maxTotalSize().asLongValue();
        byte[] archive = Zips.archive().with("one.md", Zips.document(1)).bytes();
        queue.reserve(full);
        try {
            zip(archive).post("/api/imports").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("debrief.imports.max-total-size"));
        } finally {
            queue.release(full);
        }

        finished(zip(archive).post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id"));
        assertThat(queue.waiting()).as("every document imported gives its room back").isZero();
    }

    @Test
    void onlyEditorsImportArchives() {
        asViewer().contentType("application/zip").body(Zips.archive().with("a.md", Zips.document(1)).bytes())
                .post("/api/imports").then().statusCode(403);
    }

    /** Follows the batch until every document is decided. */
    static JsonPath finished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath batch = asViewer().get("/api/imports/{id}", id).then().statusCode(200).extract().jsonPath();
            if (batch.getBoolean("finished")) {
                return batch;
            }
            assertThat(Instant.now()).as("batch %d finished in time", id).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static RequestSpecification zip(byte[] body) {
        return asEditor().contentType("application/zip").body(body);
    }
}
