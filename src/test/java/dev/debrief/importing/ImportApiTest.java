package dev.debrief.importing;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.postmortem.TimeBounds;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/imports: one Markdown document becomes a draft post-mortem, or a preview of one. */
@QuarkusTest
class ImportApiTest {

    private static final String DOCUMENT = """
            # Queue stalled for an hour

            - Severity: SEV2
            - Date: 2026-02-10 09:00 UTC
            - Time to detection: 20 minutes
            - Time to recovery: 1 hour

            ## Summary
            The order queue stopped draining.

            ## Root cause
            A poison message blocked the consumer.

            ## Action items
            - Alert on queue age @alice due 2026-04-01
            - Dead-letter poison messages @bob due 2026-04-15
            - Runbook for draining the queue @carol due 2026-04-30
            - Rewrite the consumer
            """;

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void aDryRunShowsThePreviewAndStoresNothing() {
        JsonPath preview = markdown(DOCUMENT).post("/api/imports?dryRun=true").then().statusCode(200)
                .extract().jsonPath();

        assertThat(preview.getString("postmortem.title")).isEqualTo("Queue stalled for an hour");
        assertThat(preview.getString("postmortem.whatHappened")).isEqualTo("A poison message blocked the consumer.");
        assertThat(preview.getList("actionItems.title")).hasSize(3);
        assertThat(preview.getList("considered")).containsExactly("Rewrite the consumer");
        assertThat(preview.getList("mapping.heading")).contains("Root cause", "Action items");
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();
    }

    @Test
    void anImportCreatesADraftWithRankedItemsAndKeepsTheOriginal() {
        Response created = markdown(DOCUMENT).post("/api/imports");

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.header("Location");
        JsonPath pm = asViewer().get(location).then().statusCode(200).extract().jsonPath();
        assertThat(pm.getString("status")).isEqualTo("DRAFT");
        assertThat(pm.getString("startedAt")).isEqualTo("2026-02-10T09:00:00Z");
        assertThat(pm.getString("detectedAt")).isEqualTo("2026-02-10T09:20:00Z");
        assertThat(pm.getString("resolvedAt")).isEqualTo("2026-02-10T10:00:00Z");
        assertThat(pm.getList("actionItems.owner")).containsExactly("alice", "bob", "carol");
        assertThat(pm.getList("considered")).containsExactly("Rewrite the consumer");
        String source = asViewer().accept("text/markdown").get(location + "/source").then().statusCode(200)
                .extract().asString();
        assertThat(source).isEqualTo(DOCUMENT);
    }

    @Test
    void aDateThatCannotBeRightIsA422NamingItAndNothingIsStored() {
        markdown(DOCUMENT.replace("2026-02-10", "2206-02-10")).post("/api/imports").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("startedAt"));

        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();
    }

    @Test
    void anActionItemDueInAYearThatCannotBeRightIsAWarningInThePreviewAndA422NamingTheItem() {
        String typo = DOCUMENT.replace("due 2026-04-15", "due 0202-04-15");

        markdown(typo).post("/api/imports?dryRun=true").then().statusCode(200)
                .body("warnings", hasItem("actionItems[1].dueDate " + TimeBounds.DAY_RANGE));
        markdown(typo).post("/api/imports").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("actionItems[1].dueDate"));

        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreA400NamingTheBodyUnlessTheContentTypeNamesTheirEncoding() {
        byte[] windows1252 = DOCUMENT.replace("Queue stalled", "Caf\u00e9 queue stalled")
                .getBytes(Charset.forName("windows-1252"));

        withoutCharset().body(windows1252).post("/api/imports").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("body"));
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();

        asEditor().contentType("text/markdown; charset=windows-1252").body(windows1252).post("/api/imports")
                .then().statusCode(201).body("title", equalTo("Caf\u00e9 queue stalled for an hour"));
    }

    @Test
    void aDocumentWithAByteOrderMarkIsTheSameDocumentWithoutIt() {
        byte[] marked = ("\uFEFF" + DOCUMENT).getBytes(StandardCharsets.UTF_8);
        withoutCharset().body(marked).post("/api/imports").then().statusCode(201)
                .body("title", equalTo("Queue stalled for an hour"));

        markdown(DOCUMENT).post("/api/imports").then().statusCode(409);
    }

    @Test
    void aDebriefExportImportsBackToTheSamePostMortem() {
        Scenarios.Ranked original = Scenarios.readyToPublish();
        JsonPath before = asViewer().get("/api/postmortems/{id}", original.postmortem()).jsonPath();
        String exported = asViewer().accept("text/markdown").get("/api/postmortems/{id}", original.postmortem())
                .then().statusCode(200).extract().asString();

        String location = markdown(exported).post("/api/imports").then().statusCode(201).extract()
                .header("Location");

        JsonPath after = asViewer().get(location).jsonPath();
        for (String field : List.of("title", "severity", "services", "attendees", "startedAt", "detectedAt",
                "resolvedAt", "detectionSource", "summary", "impact", "whatHappened", "whyDetectionFailed",
                "whyResponseFailed", "whatWeChange", "timeline", "considered")) {
            assertThat(after.<Object>get(field)).as(field).isEqualTo(before.get(field));
        }
        for (String field : List.of("priority", "title", "owner", "dueDate", "kind")) {
            assertThat(after.getList("actionItems." + field)).as(field)
                    .isEqualTo(before.getList("actionItems." + field));
        }
    }

    @Test
    void aDebriefExportImportsBackWithItsTeamTagsAndFactors() {
        asAdmin().body(Map.of("name", "Payments")).post("/api/teams").then().statusCode(201);
        long flakyDns = asAdmin().body(Map.of("name", "Flaky DNS: resolver")).post("/api/factors").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long capacity = asViewer().get("/api/factors").jsonPath().getLong("find { it.name == 'Capacity' }.id");
        long original = Scenarios.create(PostMortemJson.complete().with("team", "Payments")
                .with("tags", List.of("dns", "Cache Stampede"))
                .with("factors", List.of(Map.of("factorId", capacity, "note", "the pool: too small"),
                        Map.of("factorId", flakyDns))));
        String exported = asViewer().accept("text/markdown").get("/api/postmortems/{id}", original)
                .then().statusCode(200).extract().asString();

        String location = markdown(exported).post("/api/imports").then().statusCode(201).extract()
                .header("Location");

        JsonPath after = asViewer().get(location).jsonPath();
        assertThat(after.getString("team")).isEqualTo("Payments");
        assertThat(after.getList("tags")).containsExactly("dns", "cache stampede");
        assertThat(after.getList("factors")).isEqualTo(asViewer().get("/api/postmortems/{id}", original).jsonPath()
                .getList("factors")).hasSize(2);
        assertThat(after.getString("whatHappened")).doesNotContain("Contributing factors");
    }

    @Test
    void aDocumentTooLongForASectionIsA422NamingTheSection() {
        String huge = "# Big\nDate: 2026-02-10 09:00 UTC\n## What happened\n"
                + "A very long line of text. ".repeat(36_000);

        markdown(huge).post("/api/imports").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("postmortem.whatHappened"));
        markdown(huge).post("/api/imports?dryRun=true").then().statusCode(200);
    }

    @Test
    void anEmptyBodyOrABadDryRunIsA400NamingIt() {
        markdown(" \n").post("/api/imports").then().statusCode(400).body("errors.field", hasItem("body"));
        markdown(DOCUMENT).post("/api/imports?dryRun=maybe").then().statusCode(400)
                .body("errors.field", hasItem("dryRun"));
    }

    @Test
    void onlyEditorsImport() {
        asViewer().contentType("text/markdown").body(DOCUMENT).post("/api/imports").then().statusCode(403);
    }

    @Test
    void aPostMortemWrittenInDebriefHasNoSource() {
        long id = Scenarios.create(PostMortemJson.minimal());

        asViewer().accept("text/markdown").get("/api/postmortems/{id}/source", id).then().statusCode(404);
    }

    /** A Markdown body whose Content-Type names no encoding (REST Assured would add ISO-8859-1 to it). */
    private static RequestSpecification withoutCharset() {
        return asEditor().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).contentType("text/markdown");
    }

    private static RequestSpecification markdown(String body) {
        return asEditor().contentType("text/markdown; charset=UTF-8").body(body);
    }
}
