package dev.debrief.report;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.support.MutableClock;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's figures against their definitions (docs/metrics.md): against the in-memory {@link ReferenceReport}
 * on generated history, and at the edges (month ends, time zones, daylight saving, missing times and due dates).
 */
@QuarkusTest
class MonthlyReportFiguresTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    MonthlyReportService reports;

    private History history;

    @BeforeEach
    void reset() {
        data.reset();
        history = new History(clock);
    }

    /**
     * A year in which the team gets better: incidents fall from 15 a month to 3, time to resolve from 90 to 20
     * minutes, time to detect from 15 to 2; every incident ends with three items, most of them completed.
     */
    private void generateImprovingYear() {
        String[] sources = {"MONITORING", "SYNTHETIC", "CUSTOMER", "STAFF", "OTHER", null};
        String[] kinds = {"DETECTION", "RESPONSE", "PREVENTION"};
        YearMonth first = YearMonth.of(2025, 3);
        for (int k = 0; k < 12; k++) {
            int incidents = 15 - (int) Math.round(k * 12 / 11.0);
            int ttr = 90 - (int) Math.round(k * 70 / 11.0);
            int ttd = 15 - (int) Math.round(k * 13 / 11.0);
            for (int j = 0; j < incidents; j++) {
                Instant start = first.plusMonths(k).atDay(1 + j).atTime(10, 0).toInstant(ZoneOffset.UTC);
                Instant resolved = start.plus(Duration.ofMinutes(ttr));
                List<History.Item> items = new ArrayList<>();
                LocalDate due = start.atZone(UTC).toLocalDate().plusDays(14);
                for (int r = 0; r < 3; r++) {
                    Instant created = start.plus(Duration.ofHours(2));
                    Instant completed = r == 0 ? start.plus(Duration.ofDays(10))
                            : r == 1 && k % 2 == 0 ? start.plus(Duration.ofDays(20)) : null;
                    Instant dropped = r == 1 && k % 2 == 1 ? start.plus(Duration.ofDays(5)) : null;
                    items.add(new History.Item(kinds[r], created, due, completed, dropped));
                }
                Instant published = j % 5 == 4 ? null
                        : resolved.plus(Duration.ofHours(j % 2 == 0 ? 24 : 72));
                history.add(new History.Incident(j == 0 && k % 3 == 0 ? "SEV1" : "SEV" + (2 + j % 3),
                        sources[(j + k) % sources.length], j % 2 == 0 ? "checkout" : "search", start,
                        start.plus(Duration.ofMinutes(ttd)), resolved, published, items));
            }
        }
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return JSON.readValue(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void generatedYearComesOutExactlyAsTheReferenceComputation() throws Exception {
        generateImprovingYear();
        Map<String, Object> report = json(asViewer().get("/api/reports/monthly?from=2025-03&to=2026-02")
                .then().statusCode(200).extract().asString());

        List<Map<String, Object>> months = (List<Map<String, Object>>) report.get("months");
        assertThat(months).hasSize(12);
        for (int k = 0; k < 12; k++) {
            YearMonth month = YearMonth.of(2025, 3).plusMonths(k);
            Map<String, Object> expected = ReferenceReport.month(history.incidents, month, UTC, clock.instant());
            Map<String, Object> actual = months.get(k);
            assertThat(actual.get("month")).isEqualTo(month.toString());
            expected.forEach((name, value) -> assertSame(month + " " + name, actual.get(name), value));
        }

        Map<String, Object> lateHalf = json(asViewer().get("/api/reports/monthly?from=2025-09&to=2026-02")
                .then().statusCode(200).extract().asString());
        List<Map<String, Object>> later = (List<Map<String, Object>>) lateHalf.get("months");
        for (int k = 0; k < 6; k++) {
            YearMonth month = YearMonth.of(2025, 9).plusMonths(k);
            Map<String, Object> expected = ReferenceReport.month(history.incidents, month, UTC, clock.instant());
            Map<String, Object> actual = later.get(k);
            expected.forEach((name, value) -> assertSame("range from 2025-09: " + month + " " + name,
                    actual.get(name), value));
        }
        assertThat(((Number) later.get(0).get("actionItemsOverdueAtMonthEnd")).longValue())
                .as("items overdue since before the range still count").isGreaterThan(50);

        assertThat(months.get(0).get("incidents")).isEqualTo(15);
        assertThat(months.get(11).get("incidents")).isEqualTo(3);
        assertThat((Double) months.get(0).get("meanTimeToResolveMinutes")).isEqualTo(90.0);
        assertThat((Double) months.get(11).get("meanTimeToResolveMinutes")).isEqualTo(20.0);
        assertThat((Double) months.get(0).get("medianTimeToDetectMinutes")).isEqualTo(15.0);
        assertThat((Double) months.get(11).get("medianTimeToDetectMinutes")).isEqualTo(2.0);
        Map<String, Object> totals = (Map<String, Object>) report.get("totals");
        long completed = history.incidents.stream().flatMap(i -> i.items().stream())
                .filter(i -> i.completedAt() != null && i.completedAt().isBefore(Instant.parse("2026-03-01T00:00:00Z")))
                .count();
        assertThat(((Number) totals.get("actionItemsCompleted")).longValue()).isEqualTo(completed)
                .isGreaterThan(100);
        assertThat(((Number) totals.get("incidents")).longValue()).isEqualTo(history.incidents.size());
    }

    private static void assertSame(String what, Object actual, Object expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else if (expected instanceof Double d) {
            assertThat(((Number) actual).doubleValue()).as(what).isCloseTo(d, within(1e-9));
        } else if (expected instanceof Long l) {
            assertThat(((Number) actual).longValue()).as(what).isEqualTo(l);
        } else if (expected instanceof Map<?, ?> map) {
            Map<?, ?> got = (Map<?, ?>) actual;
            List<String> keys = got.keySet().stream().map(Object::toString).toList();
            assertThat(keys).as(what).containsExactlyElementsOf(map.keySet().stream().map(Object::toString).toList());
            map.forEach((k, v) -> assertSame(what + "." + k, got.get(k), v));
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    @Test
    void edgeCasesFollowTheDefinitions() {
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        history.add(new History.Incident("SEV2", "MONITORING", "api", History.utc("2026-01-31T23:00:00"),
                History.utc("2026-01-31T23:20:00"), History.utc("2026-02-01T01:00:00"), null, List.of()));
        history.add(new History.Incident("SEV3", null, "api", History.utc("2026-03-05T10:00:00"),
                History.utc("2026-03-05T10:30:00"), null, null, List.of()));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));

        MonthlyReport report = reports.report(YearMonth.of(2026, 1), YearMonth.of(2026, 4),
                new MonthlyReportService.Filter(null, null), UTC);
        Figures jan = report.months().get(0).figures();
        Figures feb = report.months().get(1).figures();
        Figures mar = report.months().get(2).figures();
        assertThat(jan.incidents()).as("an incident spanning the month end belongs to the month it started").isOne();
        assertThat(jan.meanTimeToResolveMinutes()).isEqualTo(120.0);
        assertThat(feb.incidents()).as("an empty month appears with zeros").isZero();
        assertThat(feb.meanTimeToResolveMinutes()).as("an undefined mean is null").isNull();
        assertThat(feb.incidentsBySeverity()).containsEntry("SEV1", 0L);
        assertThat(mar.incidents()).as("an unresolved incident counts").isOne();
        assertThat(mar.meanTimeToResolveMinutes()).as("but has no time to resolve").isNull();
        assertThat(mar.meanTimeToDetectMinutes()).isEqualTo(30.0);
        assertThat(mar.detectionSources()).containsEntry("UNSPECIFIED", 1L);
    }

    @Test
    void editedTimesChangeTheTimesToDetectAndResolveToTheMicrosecond() {
        history.add(new History.Incident("SEV3", "STAFF", "api", History.utc("2026-03-05T10:00:00"),
                History.utc("2026-03-05T10:30:00"), History.utc("2026-03-05T11:00:00"), null, List.of()));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        long id = history.ids.get(0);
        Map<String, Object> body = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("");
        body.put("detectedAt", "2026-03-05T10:10:00Z");
        // Times are kept to the microsecond: the nanoseconds are cut off, as the database would.
        body.put("resolvedAt", "2026-03-05T12:00:00.000123456Z");
        asEditor().body(body).put("/api/postmortems/{id}", id).then().statusCode(200)
                .body("resolvedAt", equalTo("2026-03-05T12:00:00.000123Z"));

        Figures march = reports.report(YearMonth.of(2026, 3), YearMonth.of(2026, 3),
                new MonthlyReportService.Filter(null, null), UTC).months().get(0).figures();
        assertThat(march.meanTimeToDetectMinutes()).isEqualTo(10.0);
        assertThat(march.medianTimeToDetectMinutes()).isEqualTo(10.0);
        assertThat(march.meanTimeToResolveMinutes()).isCloseTo(120 + 123 / 60e6, within(1e-12));
        assertThat(march.medianTimeToResolveMinutes()).isCloseTo(120 + 123 / 60e6, within(1e-12));
    }

    @Test
    void theMigrationDerivesTheSameTimesToDetectAndResolveFromStoredTimes() {
        history.addTwoIncidents();
        history.add(new History.Incident("SEV3", null, "api", History.utc("2026-03-05T10:00:00"),
                History.utc("2026-03-05T10:30:00"), null, null, List.of()));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        MonthlyReport before = reports.report(YearMonth.of(2025, 12), YearMonth.of(2026, 11),
                new MonthlyReportService.Filter(null, null), UTC);

        // What V7 does to rows written before it: clear the derived columns and run its updates.
        data.sql("update postmortem set time_to_detect_micros = null, time_to_resolve_micros = null");
        for (String statement : migrationUpdates("db/migration/V7__report_speed.sql")) {
            data.sql(statement);
        }

        assertThat(reports.report(YearMonth.of(2025, 12), YearMonth.of(2026, 11),
                new MonthlyReportService.Filter(null, null), UTC)).isEqualTo(before);
        assertThat(before.totals().figures().meanTimeToDetectMinutes()).isNotNull();
    }

    private static List<String> migrationUpdates(String resource) {
        try (InputStream in = MonthlyReportFiguresTest.class.getClassLoader().getResourceAsStream(resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> updates = Arrays.stream(script.split(";")).map(String::strip)
                    .filter(statement -> statement.startsWith("update")).toList();
            assertThat(updates).hasSize(2);
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void monthsAreCalendarMonthsInTheTeamsZoneAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (summer time, UTC+2).
        history.add(new History.Incident("SEV2", "MONITORING", "api", History.utc("2026-03-31T23:30:00"),
                History.utc("2026-03-31T23:40:00"), History.utc("2026-04-01T00:30:00"), null, List.of()));
        // 23:30 UTC on 31 October is 00:30 on 1 November in Berlin (winter time, UTC+1).
        history.add(new History.Incident("SEV3", "STAFF", "api", History.utc("2026-10-31T23:30:00"),
                History.utc("2026-10-31T23:35:00"), History.utc("2026-11-01T00:00:00"), null, List.of()));
        // 22:30 UTC on 31 October is 23:30 the same day in Berlin.
        history.add(new History.Incident("SEV3", "STAFF", "api", History.utc("2026-10-31T22:30:00"),
                History.utc("2026-10-31T22:35:00"), History.utc("2026-10-31T23:00:00"), null, List.of()));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));

        MonthlyReport inBerlin = reports.report(YearMonth.of(2026, 3), YearMonth.of(2026, 11),
                new MonthlyReportService.Filter(null, null), berlin);
        Map<String, Long> incidents = new LinkedHashMap<>();
        inBerlin.months().forEach(m -> incidents.put(m.month(), m.figures().incidents()));
        assertThat(incidents).containsEntry("2026-03", 0L).containsEntry("2026-04", 1L)
                .containsEntry("2026-10", 1L).containsEntry("2026-11", 1L);
        MonthlyReport inUtc = reports.report(YearMonth.of(2026, 3), YearMonth.of(2026, 11),
                new MonthlyReportService.Filter(null, null), UTC);
        assertThat(inUtc.months().get(0).figures().incidents()).isOne();
        assertThat(inUtc.months().get(7).figures().incidents()).isEqualTo(2);
        for (MonthlyReport.Month m : inBerlin.months()) {
            List<History.Incident> all = history.incidents;
            assertThat(m.figures().incidents()).isEqualTo(
                    ReferenceReport.month(all, YearMonth.parse(m.month()), berlin, clock.instant()).get("incidents"));
        }
    }

    @Test
    void itemCompletedOnItsDueDateInTheTeamsZoneIsOnTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        Instant start = History.utc("2026-06-01T08:00:00");
        // Due 10 June; completed at 23:30 Berlin time that day (21:30 UTC), and another at 00:30 the next day.
        history.add(new History.Incident("SEV2", "MONITORING", "api", start, start.plusSeconds(600),
                start.plusSeconds(3600), null, List.of(
                        new History.Item("DETECTION", start.plusSeconds(7200), LocalDate.of(2026, 6, 10),
                                History.utc("2026-06-10T21:30:00"), null),
                        new History.Item("RESPONSE", start.plusSeconds(7200), LocalDate.of(2026, 6, 10),
                                History.utc("2026-06-10T22:30:00"), null))));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));
        Figures june = reports.report(YearMonth.of(2026, 6), YearMonth.of(2026, 6),
                new MonthlyReportService.Filter(null, null), berlin).months().get(0).figures();
        assertThat(june.actionItemsCompleted()).isEqualTo(2);
        assertThat(june.actionItemsCompletedOnTime()).isOne();
    }

    @Test
    void itemsWithoutADueDateAreNeverOverdue() {
        // A draft's items need no due date yet: one stays open, one is completed over a year after it was created.
        Instant start = History.utc("2025-03-01T08:00:00");
        history.add(new History.Incident("SEV3", "STAFF", "api", start, start.plusSeconds(600),
                start.plusSeconds(3600), null, List.of(
                        new History.Item("DETECTION", start.plusSeconds(7200), null, null, null),
                        new History.Item("RESPONSE", start.plusSeconds(7200), null,
                                History.utc("2026-04-15T10:00:00"), null))));
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));

        MonthlyReport report = reports.report(YearMonth.of(2025, 9), YearMonth.of(2026, 11),
                new MonthlyReportService.Filter(null, null), UTC);
        assertThat(report.months()).extracting(m -> m.figures().actionItemsOverdueAtMonthEnd()).containsOnly(0L);
        assertThat(report.totals().figures().actionItemsOverdueAtMonthEnd()).isZero();
        assertThat(report.previousPeriod().figures().actionItemsOverdueAtMonthEnd()).isZero();
        assertThat(report.months().get(7).figures().actionItemsCompleted()).as("April 2026").isOne();
        assertThat(report.months().get(7).figures().actionItemsCompletedOnTime()).isZero();
    }

    @Test
    void majorIncidentRunsAreCountedInDays() {
        clock.set(Instant.parse("2026-04-15T12:00:00Z"));
        Instant first = History.utc("2026-01-10T10:00:00");
        Instant second = History.utc("2026-02-20T10:00:00");
        history.add(new History.Incident("SEV1", null, "api", first, first.plusSeconds(60), first.plusSeconds(120),
                null, List.of()));
        history.add(new History.Incident("SEV2", null, "api", second, second.plusSeconds(60),
                second.plusSeconds(120), null, List.of()));
        clock.set(Instant.parse("2026-04-15T12:00:00Z"));
        MonthlyReport report = reports.report(YearMonth.of(2026, 1), YearMonth.of(2026, 4),
                new MonthlyReportService.Filter(null, null), UTC);
        assertThat(report.daysSinceLastMajorIncident()).isEqualTo(54);
        assertThat(report.longestRunWithoutMajorIncidentDays()).isEqualTo(54);
        MonthlyReport jan = reports.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1),
                new MonthlyReportService.Filter(null, null), UTC);
        assertThat(jan.daysSinceLastMajorIncident()).as("counted to the end of the range").isEqualTo(21);
        assertThat(jan.longestRunWithoutMajorIncidentDays()).isEqualTo(21);
    }
}
