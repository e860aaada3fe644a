package dev.debrief.postmortem;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The taxonomy of contributing factors, the factors of a post-mortem, and the report's factors per month. */
@QuarkusTest
class ContributingFactorsTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static long factor(String name) {
        return asViewer().get("/api/factors").jsonPath().getLong("find { it.name == '" + name + "' }.id");
    }

    private static Map<String, Object> named(long factorId, String note) {
        return note == null ? Map.of("factorId", factorId) : Map.of("factorId", factorId, "note", note);
    }

    @Test
    void theMigrationSeedsASensibleList() {
        assertThat(asViewer().get("/api/factors").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).contains("Change or deploy", "Configuration", "Capacity",
                "Dependency", "Missing or noisy alerting", "Runbook or access gap", "Data", "Security");
    }

    @Test
    void adminsExtendAndRenameTheListAndOthersCannot() {
        asEditor().body(Map.of("name", "Flaky DNS")).post("/api/factors").then().statusCode(403);
        long id = asAdmin().body(Map.of("name", "Flaky DNS")).post("/api/factors").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        asAdmin().body(Map.of("name", "flaky dns")).post("/api/factors").then().statusCode(409);
        asEditor().body(Map.of("name", "DNS")).put("/api/factors/{id}", id).then().statusCode(403);
        asAdmin().body(Map.of("name", "DNS")).put("/api/factors/{id}", id).then().statusCode(200)
                .body("name", equalTo("DNS"));
        asAdmin().body(Map.of("name", "")).post("/api/factors").then().statusCode(400)
                .body("errors.field", contains("name"));
        assertThat(asAdmin().get("/api/audit?action=factor").jsonPath().getList("items.action", String.class))
                .containsExactly("factor.renamed", "factor.created");
    }

    @Test
    void aPostMortemListsFactorsEachWithAnOptionalNote() {
        long configuration = factor("Configuration");
        long capacity = factor("Capacity");
        long pm = Scenarios.create(PostMortemJson.complete().with("factors",
                List.of(named(configuration, " A flag flipped the pool size "), named(capacity, null))));
        asViewer().get("/api/postmortems/{id}", pm).then().statusCode(200)
                .body("factors.factorId", contains((int) configuration, (int) capacity))
                .body("factors.factor", contains("Configuration", "Capacity"))
                .body("factors.note", contains("A flag flipped the pool size", null));
        Document page = WebSession.asViewer().page("/postmortems/" + pm);
        assertThat(page.select("[data-testid=factor]").eachText())
                .containsExactly("Configuration: A flag flipped the pool size", "Capacity");
    }

    @Test
    void anUnknownOrRepeatedFactorIsRefusedNamingIt() {
        asEditor().body(PostMortemJson.complete().with("factors", List.of(named(987654, null))).build())
                .post("/api/postmortems").then().statusCode(400).body("errors.field", contains("factors[0].factorId"));
        long data = factor("Data");
        asEditor().body(PostMortemJson.complete().with("factors", List.of(named(data, null), named(data, "x")))
                .build()).post("/api/postmortems").then().statusCode(400)
                .body("errors.field", contains("factors[1].factorId"));
    }

    @Test
    void aRenamedFactorKeepsItsPostMortemsAndTheirHistory() {
        long id = asAdmin().body(Map.of("name", "Flaky DNS")).post("/api/factors").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long pm = Scenarios.create(PostMortemJson.complete().with("factors", List.of(named(id, null))));
        asAdmin().body(Map.of("name", "DNS")).put("/api/factors/{id}", id).then().statusCode(200);
        asViewer().get("/api/postmortems/{id}", pm).then().body("factors.factor", contains("DNS"));
        asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03").then()
                .body("months[0].factors.DNS", equalTo(1));
    }

    @Test
    void theReportCountsIncidentsPerFactorAndMonth() throws Exception {
        long configuration = factor("Configuration");
        long capacity = factor("Capacity");
        Scenarios.create(PostMortemJson.complete().with("factors",
                List.of(named(configuration, null), named(capacity, null))));
        Scenarios.create(PostMortemJson.complete().with("factors", List.of(named(configuration, null))));
        Scenarios.create(PostMortemJson.complete());
        Map<String, Object> factors = asViewer().get("/api/reports/monthly?from=2026-02&to=2026-03").jsonPath()
                .getMap("months[1].factors");
        assertThat(factors).containsExactly(Map.entry("Capacity", 1), Map.entry("Configuration", 2));
        assertThat(asViewer().get("/api/reports/monthly?from=2026-02&to=2026-03").jsonPath()
                .getMap("months[0].factors")).containsExactly(Map.entry("Capacity", 0), Map.entry("Configuration", 0));
        String csv = asViewer().get("/api/reports/monthly?from=2026-03&to=2026-03&format=csv").asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).get("factors.Configuration")).isEqualTo("2");
        Document page = WebSession.asViewer().page("/reports/monthly?from=2026-03&to=2026-03");
        assertThat(page.select("[data-testid=factor-row]").eachText()).containsExactly("Capacity 1 0",
                "Configuration 2 0");
        assertThat(page.select("[data-testid=chart-factors]")).hasSize(1);
    }

    @Test
    void theWritePageSavesTeamTagsAndFactorsWithTheirNotes() {
        asAdmin().body(Map.of("name", "Payments")).post("/api/teams").then().statusCode(201);
        long capacity = factor("Capacity");
        long data = factor("Data");
        long pm = Scenarios.create(PostMortemJson.complete().with("factors", List.of(named(capacity, "too few pods"))));
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/" + pm + "/edit");
        assertThat(form.select("#factor-" + capacity).hasAttr("checked")).isTrue();
        assertThat(form.select("#factor-note-" + capacity).val()).isEqualTo("too few pods");
        assertThat(form.select("#team option").eachText()).contains("No team", "Payments");
        List<String> options = form.select("input[name=factorOption]").eachAttr("value");
        List<String> notes = new java.util.ArrayList<>(form.select("input[name=factorNote]").eachAttr("value"));
        notes.set(options.indexOf(String.valueOf(data)), "a bad backfill");
        assertThat(editor.submit(form, "form.write", Map.of("team", "Payments", "tags", "Capacity, DNS ",
                "factor", List.of(String.valueOf(capacity), String.valueOf(data)), "factorNote", notes))
                .statusCode()).isEqualTo(303);
        asViewer().get("/api/postmortems/{id}", pm).then().body("team", equalTo("Payments"))
                .body("tags", contains("capacity", "dns"))
                .body("factors.factor", contains("Capacity", "Data"))
                .body("factors.note", contains("too few pods", "a bad backfill"));
    }
}
