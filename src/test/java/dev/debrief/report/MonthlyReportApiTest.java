package dev.debrief.report;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.debrief.support.MutableClock;
import dev.debrief.support.TestData;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The report's contract over HTTP: filters, the CSV export, the page, and the refusal of bad ranges. */
@QuarkusTest
class MonthlyReportApiTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    private History history;

    @BeforeEach
    void reset() {
        data.reset();
        history = new History(clock);
    }

    @Test
    void filtersNarrowIncidentsAndTheirItems() {
        history.addTwoIncidents();
        Map<String, Object> bySeverity = asViewer().get("/api/reports/monthly?from=2026-01&to=2026-02&severity=SEV1")
                .jsonPath().getMap("totals");
        assertThat(bySeverity.get("incidents")).isEqualTo(1);
        assertThat(bySeverity.get("actionItemsCreated")).isEqualTo(1);
        Map<String, Object> byService = asViewer().get("/api/reports/monthly?from=2026-01&to=2026-02&service=search")
                .jsonPath().getMap("totals");
        assertThat(byService.get("incidents")).isEqualTo(1);
    }

    @Test
    void csvHasOneRowPerMonthWithTheJsonNamesAsColumns() throws Exception {
        history.addTwoIncidents();
        String csv = asViewer().accept("text/csv").get("/api/reports/monthly?from=2025-12&to=2026-02")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("month", "incidents",
                "incidentsBySeverity.SEV1").contains("meanTimeToResolveMinutes", "detectionSources.UNSPECIFIED",
                "actionItemsByKind.PREVENTION", "actionItemsOverdueAtMonthEnd");
        assertThat(rows.get(0).get("month")).isEqualTo("2025-12");
        assertThat(rows.get(0).get("meanTimeToResolveMinutes")).as("undefined mean").isEmpty();
        assertThat(rows.get(1).get("incidentsBySeverity.SEV1")).isEqualTo("1");
        assertThat(rows.get(1).get("meanTimeToResolveMinutes")).isEqualTo("60.0");
        assertThat(asViewer().get("/api/reports/monthly?from=2025-12&to=2026-02&format=csv").asString())
                .isEqualTo(csv);
    }

    @Test
    void pageShowsWellFormedSvgChartsWithTextAlternatives() throws Exception {
        history.addTwoIncidents();
        Document page = WebSession.asViewer().page("/reports/monthly?from=2025-12&to=2026-02");
        List<Element> charts = page.select("svg");
        assertThat(charts).hasSize(3);
        for (Element svg : charts) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg.outerHtml())));
            assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).contains("Jan 26");
        }
        assertThat(page.select("[data-testid=month-row]")).hasSize(3);
        assertThat(page.select("[data-testid=comparison] tbody tr")).hasSizeGreaterThan(5);
    }

    @Test
    void pageCountsAgreeWithTheirNouns() {
        Scenarios.create(PostMortemJson.complete());
        Document page = WebSession.asViewer().page("/reports/monthly");

        assertThat(page.select("[data-testid=incident-count]").first().parent().text()).isEqualTo("1 incident");
        assertThat(page.select("[data-testid=days-since-major]").first().parent().text())
                .startsWith("0 days since");
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        asViewer().get("/api/reports/monthly?from=2026-05&to=2026-01").then().statusCode(400)
                .body("errors.field", contains("from"));
        asViewer().get("/api/reports/monthly?from=2026-13").then().statusCode(400)
                .body("errors.field", contains("from"));
        asViewer().get("/api/reports/monthly?to=2027-01").then().statusCode(400)
                .body("errors.field", contains("to"));
        asViewer().get("/api/reports/monthly?from=2010-01&to=2026-01").then().statusCode(400);
        asViewer().get("/api/reports/monthly?format=xml").then().statusCode(400)
                .body("errors.field", contains("format"));
    }

    @Test
    void defaultRangeIsTheLastTwelveFullMonthsAndTheCurrentOne() {
        asViewer().get("/api/reports/monthly").then().statusCode(200)
                .body("from", equalTo("2025-03"))
                .body("to", equalTo("2026-03"))
                .body("months", hasSize(13))
                .body("timeZone", equalTo("UTC"));
    }
}
