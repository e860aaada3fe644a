package dev.debrief.importing;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents written on the common templates (src/test/resources/imports/, each written for this test) and the
 * awkward ones: each imports through the API, without a 5xx, with its facts, times and items read and none of its
 * prose lost; each refusal is problem+json naming what is wrong.
 */
@QuarkusTest
class TemplateImportTest {

    /** A line of prose: it starts with a letter and is not a fact ("Key: value") or a table row. */
    private static final Pattern FACT = Pattern.compile("^\\**[A-Za-z][A-Za-z ()]{0,40}:\\**\\s.*");

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-sre-workbook", "atlassian", "pagerduty", "gitlab", "home-grown", "other-order",
        "tables-in-sections", "times-without-dates", "many-action-items", "html-comments", "no-headings"})
    void everyTemplateImportsAsADraftWithAllItsProse(String name) {
        String markdown = document(name);

        asEditor().contentType("text/markdown").body(markdown).post("/api/imports?dryRun=true").then()
                .statusCode(200);
        JsonPath pm = imported(markdown);

        assertThat(pm.getString("status")).isEqualTo("DRAFT");
        String text = textOf(pm);
        for (String line : prose(markdown)) {
            assertThat(text).as("%s keeps '%s'", name, line).contains(line);
        }
        assertThat(asViewer().accept("text/markdown").get("/api/postmortems/{id}/source", pm.getLong("id")).asString())
                .isEqualTo(markdown);
    }

    @Test
    void googleSreWorkbook() {
        JsonPath pm = imported(document("google-sre-workbook"));

        assertThat(pm.getString("startedAt")).isEqualTo("2024-05-14T08:12:00Z");
        assertThat(pm.getString("detectedAt")).isEqualTo("2024-05-14T08:52:00Z");
        assertThat(pm.getString("resolvedAt")).isEqualTo("2024-05-14T09:47:00Z");
        assertThat(pm.getList("actionItems.owner")).containsExactly("ines", "tomas", "amara");
        assertThat(pm.getList("considered")).containsExactly("Fuzz the decoder with oversized metadata (owner: ines)");
        assertThat(pm.getString("whyDetectionFailed")).startsWith("The error-ratio alert paged");
        assertThat(pm.getList("timeline")).hasSize(5);
    }

    @Test
    void atlassianWithAFactsTableAndTimesInTheZoneOfTheStart() {
        JsonPath preview = preview(document("atlassian"));

        assertThat(preview.getString("postmortem.severity")).isEqualTo("SEV2");
        assertThat(preview.getString("postmortem.startedAt")).isEqualTo("2023-11-02T15:40:00Z");
        assertThat(preview.getString("postmortem.resolvedAt")).isEqualTo("2023-11-02T17:50:00Z");
        assertThat(preview.getString("postmortem.timeline[0].at")).isEqualTo("2023-11-02T15:30:00Z");
        assertThat(preview.getList("postmortem.services")).containsExactly("mail-relay", "accounts");
        assertThat(preview.getString("postmortem.summary")).startsWith("Between 16:40 and 18:50 CET")
                .doesNotContain("| Field |");
        assertThat(preview.getList("unmapped")).containsExactly("Leadup", "Fault", "Five whys", "Backlog check",
                "Recurrence");
        assertThat(preview.getList("warnings", String.class))
                .contains("Timeline times written without a zone were read in Europe/Berlin, the zone of the start.");
        assertThat(preview.getList("actionItems.dueDate")).containsExactly("2023-12-01", "2023-11-20", "2023-11-30");
    }

    @Test
    void pagerDutyWithDurationsAndCheckboxItems() {
        JsonPath pm = imported(document("pagerduty"));

        assertThat(pm.getString("severity")).isEqualTo("SEV1");
        assertThat(pm.getString("detectedAt")).isEqualTo("2024-02-29T22:17:00Z");
        assertThat(pm.getString("resolvedAt")).isEqualTo("2024-02-29T23:40:00Z");
        assertThat(pm.getList("actionItems.owner")).containsExactly("bea", "chen", "ravi");
        assertThat(pm.getString("whatHappened")).contains("### What didn't go so well", "### External");
    }

    @Test
    void gitLabWithItsFactsInTheSummary() {
        JsonPath pm = imported(document("gitlab"));

        assertThat(pm.getString("severity")).isEqualTo("SEV2");
        assertThat(pm.getString("startedAt")).isEqualTo("2024-08-19T06:30:00Z");
        assertThat(pm.getString("detectedAt")).isEqualTo("2024-08-19T07:35:00Z");
        assertThat(pm.getString("summary")).contains("Team attribution: Build infrastructure")
                .doesNotContain("Severity: S2");
        assertThat(pm.getString("impact")).contains("| Who was impacted | Every project using shared runners |");
        assertThat(pm.getString("whatWeChange")).contains("Uploads should fail fast");
        assertThat(pm.getList("actionItems.owner")).containsExactly("dana", "eli", "dana");
    }

    @Test
    void aHomeGrownTemplateWithPlainFactLines() {
        JsonPath pm = imported(document("home-grown"));

        assertThat(pm.getString("detectedAt")).isEqualTo("2025-01-08T13:30:00Z");
        assertThat(pm.getString("resolvedAt")).isEqualTo("2025-01-08T21:15:00Z");
        assertThat(pm.getList("attendees")).containsExactly("noor", "omar", "priya");
        assertThat(pm.getList("services")).containsExactly("search-indexer", "catalog");
        assertThat(pm.getString("whatHappened")).contains("health check only tested the HTTP port");
    }

    @Test
    void headingsInAnotherOrderGoToTheSameFields() {
        JsonPath preview = preview(document("other-order"));

        assertThat(preview.getList("mapping.heading")).containsExactly("Action items", "Timeline", "Lessons learned",
                "Root cause", "Impact", "Summary", "Details");
        assertThat(preview.getString("postmortem.severity")).isEqualTo("SEV2");
        assertThat(preview.getString("postmortem.summary")).isEqualTo(
                "A load balancer swap left some clients on the removed address.");
        assertThat(preview.getList("actionItems.owner")).containsExactly("kai", "lin", "kai");
    }

    @Test
    void tablesStayInTheirSectionsAndATableOfItemsGivesOwnersDueDatesAndKinds() {
        JsonPath pm = imported(document("tables-in-sections"));

        assertThat(pm.getString("impact")).contains("| eu-west | 1,204 | 12% |");
        assertThat(pm.getList("actionItems.kind")).containsExactly("PREVENTION", "DETECTION", "RESPONSE");
        assertThat(pm.getList("actionItems.dueDate")).containsExactly("2024-10-01", "2024-09-20", "2024-09-30");
        assertThat(pm.getString("detectedAt")).isEqualTo("2024-09-09T11:45:00Z");
    }

    @Test
    void aTimelineWithTimesButNoDatesStartsAtItsFirstTimeOnTheDayStated() {
        JsonPath pm = imported(document("times-without-dates"));

        assertThat(pm.getString("startedAt")).isEqualTo("2024-12-05T22:40:00Z");
        assertThat(pm.getString("detectedAt")).isEqualTo("2024-12-05T23:30:00Z");
        assertThat(pm.getString("resolvedAt")).isEqualTo("2024-12-06T00:20:00Z");
    }

    @Test
    void moreThanThreeActionItemsRankTheFirstThreeAndConsiderTheRest() {
        JsonPath pm = imported(document("many-action-items"));

        assertThat(pm.getList("actionItems.priority")).containsExactly(1, 2, 3);
        assertThat(pm.getList("considered")).containsExactly("Move maintenance windows out of business hours",
                "Write a game day for losing the flag service", "Audit which flags default to off");
    }

    @Test
    void htmlCommentsAreLeftOutOfTheFieldsAndKeptInTheOriginal() {
        JsonPath preview = preview(document("html-comments"));

        assertThat(preview.getString("postmortem.whatHappened")).doesNotContain("<!--", "Do not name people");
        assertThat(preview.getString("postmortem.summary")).isEqualTo(
                "Nightly billing jobs ran twice when clocks went forward.");
        assertThat(preview.getList("warnings", String.class)).anyMatch(w -> w.startsWith("HTML comments"));
    }

    @Test
    void aDocumentWithoutHeadingsTakesItsFirstLineAsTitle() {
        JsonPath pm = imported(document("no-headings"));

        assertThat(pm.getString("title")).isEqualTo("Database failover took 20 minutes on 2024-10-03");
        assertThat(pm.getString("startedAt")).isEqualTo("2024-10-03T02:10:00Z");
        assertThat(pm.getString("summary")).contains("nobody turned it back on");
    }

    @Test
    void windowsLineEndingsReadAsUnixOnes() {
        String unix = document("home-grown");
        String windows = unix.replace("\n", "\r\n");

        JsonPath fromWindows = preview(windows);

        assertThat(fromWindows.<Object>get("postmortem")).isEqualTo(preview(unix).get("postmortem"));
        assertThat(fromWindows.<Object>get("actionItems")).isEqualTo(preview(unix).get("actionItems"));
    }

    @Test
    void aTypoedYearIsAWarningInThePreviewAndA422NamingTheField() {
        String markdown = document("typo-year");

        assertThat(preview(markdown).getList("warnings", String.class)).anyMatch(w -> w.contains("2204-06-18"));
        asEditor().contentType("text/markdown").body(markdown).post("/api/imports").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("startedAt"));
        assertThat(asViewer().get("/api/postmortems").jsonPath().getInt("total")).isZero();
    }

    @Test
    void a900KbDocumentWithALongTimelineImports() {
        StringBuilder markdown = new StringBuilder("# A very long night\n\n- Date: 2024-11-02 20:00 UTC\n\n"
                + "## Timeline\n");
        String words = "The load balancer answered slowly again while the team checked another host. ";
        for (int i = 0; i < 450; i++) {
            String event = words.repeat(30).substring(0, 1_990).strip();
            markdown.append("- 2024-11-02 ").append(String.format("%02d:%02d", 20 + i / 60 % 4, i % 60))
                    .append(' ').append(event).append('\n');
        }
        assertThat(markdown.length()).isBetween(900_000, 1_000_000);

        JsonPath pm = imported(markdown.toString());

        assertThat(pm.getList("timeline")).hasSize(450);
    }

    @Test
    void a900KbSectionIsA422NamingTheSectionAndItsPreviewAnswers() {
        String markdown = "# Everything in one section\n\n- Date: 2024-11-02 20:00 UTC\n\n## What happened\n"
                + "Another sentence of a very long narrative. ".repeat(21_000);
        assertThat(markdown.length()).isBetween(900_000, 1_000_000);

        asEditor().contentType("text/markdown").body(markdown).post("/api/imports?dryRun=true").then()
                .statusCode(200);
        asEditor().contentType("text/markdown").body(markdown).post("/api/imports").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("postmortem.whatHappened"));
    }

    @Test
    void bodiesThatAreNotDocumentsAreRefusedAsProblems() {
        for (String body : List.of("\u0000\u0001\u0002", "<!-- only a comment -->", "#", "|---|---|",
                "```\n# inside a fence\n```")) {
            Response answer = asEditor().contentType("text/markdown").body(body).post("/api/imports");
            assertThat(answer.statusCode()).as(body).isBetween(400, 499);
            assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getList("errors.field")).as(body).isNotEmpty();
        }
    }

    private static JsonPath preview(String markdown) {
        return asEditor().contentType("text/markdown").body(markdown).post("/api/imports?dryRun=true").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath imported(String markdown) {
        String location = asEditor().contentType("text/markdown").body(markdown).post("/api/imports").then()
                .statusCode(201).extract().header("Location");
        return asViewer().get(location).then().statusCode(200).extract().jsonPath();
    }

    /** Every text of the post-mortem, one after the other. */
    private static String textOf(JsonPath pm) {
        List<Object> parts = new ArrayList<>();
        for (String field : List.of("title", "summary", "impact", "whatHappened", "whyDetectionFailed",
                "whyResponseFailed", "whatWeChange")) {
            parts.add(pm.getString(field));
        }
        parts.addAll(pm.getList("timeline.event"));
        parts.addAll(pm.getList("considered"));
        parts.addAll(pm.getList("actionItems.title"));
        parts.addAll(pm.getList("services"));
        parts.addAll(pm.getList("attendees"));
        return parts.stream().map(String::valueOf).reduce("", (a, b) -> a + "\n" + b);
    }

    /** The document's lines of prose, outside HTML comments. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inComment = false;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("<!--")) {
                inComment = !line.contains("-->");
                continue;
            }
            if (inComment) {
                inComment = !line.contains("-->");
                continue;
            }
            if (!line.isEmpty() && Character.isLetter(line.charAt(0)) && !FACT.matcher(line).matches()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String document(String name) {
        try (InputStream in = TemplateImportTest.class.getResourceAsStream("/imports/" + name + ".md")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
