package dev.debrief.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.Severity;
import dev.debrief.report.ReportRows.Completed;
import dev.debrief.report.ReportRows.Created;
import dev.debrief.report.ReportRows.IncidentMonth;
import dev.debrief.report.ReportRows.Incidents;
import dev.debrief.report.ReportRows.Medians;
import dev.debrief.report.ReportRows.OpenItems;
import dev.debrief.report.ReportRows.OverdueSpan;
import dev.debrief.report.ReportRows.PeriodMedians;
import dev.debrief.report.ReportRows.Published;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on rows as the statements return them, without a database. */
class ReportAssemblyTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant LATER = Instant.parse("2026-11-27T12:00:00Z");
    private static final double MICROS_PER_MINUTE = 60_000_000.0;

    /** Rows as the statements would return them; months absent from a map had no rows. */
    private static final class Rows {
        final Map<Integer, IncidentMonth> incidents = new HashMap<>();
        final Map<Integer, Map<String, Long>> factors = new HashMap<>();
        PeriodMedians medians = new PeriodMedians(Medians.NONE, Medians.NONE);
        final Map<Integer, Published> published = new HashMap<>();
        final Map<Integer, Created> created = new HashMap<>();
        final Map<Integer, Completed> completed = new HashMap<>();
        final Map<Integer, Long> dropped = new HashMap<>();
        final List<OverdueSpan> spans = new ArrayList<>();
        OpenItems open = new OpenItems(0, 0);
        Instant lastMajor;
        final List<Instant> majors = new ArrayList<>();

        ReportRows.All all() {
            return new ReportRows.All(incidents, factors, medians, published, created, completed, dropped, spans, open,
                    lastMajor, majors);
        }
    }

    private static int month(String month) {
        return ReportAssembly.index(YearMonth.parse(month));
    }

    private static Incidents incidents(long count, Severity severity, long ttdMinutes, long ttrMinutes) {
        return new Incidents(count, Map.of(severity, count), Map.of(DetectionSource.STAFF, count), 0,
                ttdMinutes * 60_000_000L, count, ttrMinutes * 60_000_000L, count);
    }

    private static MonthlyReport report(String from, String to, ZoneId zone, Instant now, Rows rows) {
        return new ReportAssembly(YearMonth.parse(from), YearMonth.parse(to), zone, now).assemble(rows.all());
    }

    private static Figures month(MonthlyReport report, String month) {
        return report.months().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow().figures();
    }

    @Test
    void aMonthWithoutRowsHasZerosEveryKeyAndNullMeansAndRates() {
        Figures empty = report("2026-01", "2026-02", UTC, LATER, new Rows()).months().get(0).figures();

        assertThat(empty.incidents()).isZero();
        assertThat(empty.incidentsBySeverity()).containsOnlyKeys("SEV1", "SEV2", "SEV3", "SEV4");
        assertThat(empty.incidentsBySeverity().values()).containsOnly(0L);
        assertThat(empty.detectionSources()).containsOnlyKeys("MONITORING", "SYNTHETIC", "CUSTOMER", "STAFF",
                "OTHER", "UNSPECIFIED");
        assertThat(empty.actionItemsByKind()).containsOnlyKeys("DETECTION", "RESPONSE", "PREVENTION");
        assertThat(empty.meanTimeToDetectMinutes()).isNull();
        assertThat(empty.medianTimeToDetectMinutes()).isNull();
        assertThat(empty.meanTimeToResolveMinutes()).isNull();
        assertThat(empty.medianTimeToResolveMinutes()).isNull();
        assertThat(empty.publishedWithin48hRate()).isNull();
        assertThat(empty.actionItemsOverdueAtMonthEnd()).isZero();
    }

    @Test
    void aMonthsMeansAreItsSumsOverItsCountsInMinutesAndItsMediansItsOwn() {
        Rows rows = new Rows();
        // Two incidents detected after 1 and 2 minutes (3 in all), one of them resolved after 45 seconds.
        rows.incidents.put(month("2026-01"), new IncidentMonth(new Incidents(2, Map.of(Severity.SEV3, 2L),
                Map.of(DetectionSource.MONITORING, 1L), 1, 180_000_000L, 2, 45_000_000L, 1),
                new Medians(90_000_000.0, 45_000_000.0)));
        rows.published.put(month("2026-01"), new Published(4, 3));

        Figures jan = month(report("2026-01", "2026-01", UTC, LATER, rows), "2026-01");

        assertThat(jan.incidents()).isEqualTo(2);
        assertThat(jan.incidentsBySeverity()).containsEntry("SEV3", 2L).containsEntry("SEV1", 0L);
        assertThat(jan.detectionSources()).containsEntry("MONITORING", 1L).containsEntry("UNSPECIFIED", 1L)
                .containsEntry("STAFF", 0L);
        assertThat(jan.meanTimeToDetectMinutes()).isEqualTo(1.5);
        assertThat(jan.medianTimeToDetectMinutes()).isEqualTo(1.5);
        assertThat(jan.meanTimeToResolveMinutes()).isEqualTo(0.75);
        assertThat(jan.medianTimeToResolveMinutes()).isEqualTo(0.75);
        assertThat(jan.publishedWithin48hRate()).isEqualTo(0.75);
    }

    @Test
    void periodsSumTheirOwnMonthsAndTakeTheirOwnMedians() {
        Rows rows = new Rows();
        rows.incidents.put(month("2025-10"), new IncidentMonth(incidents(50, Severity.SEV1, 5000, 5000),
                Medians.NONE));
        rows.incidents.put(month("2025-11"), new IncidentMonth(incidents(1, Severity.SEV2, 10, 100), Medians.NONE));
        rows.incidents.put(month("2026-01"), new IncidentMonth(incidents(1, Severity.SEV3, 2, 20),
                new Medians(2 * MICROS_PER_MINUTE, null)));
        rows.incidents.put(month("2026-02"), new IncidentMonth(incidents(3, Severity.SEV3, 30, 60),
                new Medians(10 * MICROS_PER_MINUTE, null)));
        rows.medians = new PeriodMedians(new Medians(10 * MICROS_PER_MINUTE, null),
                new Medians(7 * MICROS_PER_MINUTE, 20 * MICROS_PER_MINUTE));
        rows.published.put(month("2026-01"), new Published(1, 1));
        rows.published.put(month("2026-02"), new Published(3, 0));
        rows.created.put(month("2026-02"), new Created(3, Map.of(ActionItemKind.PREVENTION, 3L)));
        rows.created.put(month("2025-12"), new Created(2, Map.of(ActionItemKind.DETECTION, 2L)));
        rows.completed.put(month("2026-01"), new Completed(2, 1));
        rows.completed.put(month("2026-02"), new Completed(1, 1));
        rows.dropped.put(month("2026-02"), 4L);
        rows.dropped.put(month("2026-03"), 9L);

        MonthlyReport report = report("2026-01", "2026-02", UTC, LATER, rows);
        Figures totals = report.totals().figures();
        Figures previous = report.previousPeriod().figures();

        assertThat(report.totals().from()).isEqualTo("2026-01");
        assertThat(report.previousPeriod().from()).isEqualTo("2025-11");
        assertThat(report.previousPeriod().to()).isEqualTo("2025-12");
        assertThat(totals.incidents()).isEqualTo(4);
        assertThat(totals.incidentsBySeverity()).containsEntry("SEV3", 4L).containsEntry("SEV1", 0L);
        assertThat(totals.detectionSources()).containsEntry("STAFF", 4L);
        assertThat(totals.meanTimeToDetectMinutes()).as("of all incidents, not the mean of the months' means")
                .isEqualTo(8.0);
        assertThat(totals.meanTimeToResolveMinutes()).isEqualTo(20.0);
        assertThat(totals.medianTimeToDetectMinutes()).as("the period's median").isEqualTo(7.0);
        assertThat(totals.medianTimeToResolveMinutes()).isEqualTo(20.0);
        assertThat(totals.postmortemsPublished()).isEqualTo(4);
        assertThat(totals.publishedWithin48hRate()).isEqualTo(0.25);
        assertThat(totals.actionItemsCreated()).isEqualTo(3);
        assertThat(totals.actionItemsByKind()).containsEntry("PREVENTION", 3L).containsEntry("DETECTION", 0L);
        assertThat(totals.actionItemsCompleted()).isEqualTo(3);
        assertThat(totals.actionItemsCompletedOnTime()).isEqualTo(2);
        assertThat(totals.actionItemsDropped()).as("March is after the range").isEqualTo(4);
        assertThat(previous.incidents()).as("October is before the previous period").isOne();
        assertThat(previous.meanTimeToResolveMinutes()).isEqualTo(100.0);
        assertThat(previous.medianTimeToDetectMinutes()).isEqualTo(10.0);
        assertThat(previous.medianTimeToResolveMinutes()).isNull();
        assertThat(previous.actionItemsCreated()).isEqualTo(2);
        assertThat(previous.postmortemsPublished()).isZero();
        assertThat(previous.publishedWithin48hRate()).isNull();
    }

    @Test
    void overdueItemsCountAtTheEndOfEveryMonthFromTheirFirstUntilTheMonthTheyWereClosed() {
        Rows rows = new Rows();
        // Three items overdue from the end of November until closed in February; one overdue since before the
        // previous period, closed in January; one overdue from January and still open; two open since long ago.
        rows.spans.add(new OverdueSpan(month("2025-11"), month("2026-02"), 3));
        rows.spans.add(new OverdueSpan(-1, month("2026-01"), 1));
        rows.spans.add(new OverdueSpan(month("2026-01"), ReportQueries.NEVER, 1));
        rows.open = new OpenItems(2, 0);

        MonthlyReport report = report("2026-01", "2026-03", UTC, LATER, rows);

        assertThat(report.previousPeriod().from()).isEqualTo("2025-10");
        assertThat(report.months()).extracting(m -> m.figures().actionItemsOverdueAtMonthEnd())
                .containsExactly(6L, 3L, 3L);
        assertThat(report.totals().figures().actionItemsOverdueAtMonthEnd()).as("at the end of the range")
                .isEqualTo(3);
        assertThat(report.previousPeriod().figures().actionItemsOverdueAtMonthEnd()).as("at the end of December")
                .isEqualTo(6);
    }

    @Test
    void theCurrentMonthCountsTheItemsOverdueNow() {
        Rows rows = new Rows();
        rows.spans.add(new OverdueSpan(month("2026-01"), ReportQueries.NEVER, 5));
        rows.open = new OpenItems(0, 2);

        MonthlyReport report = report("2026-01", "2026-03", UTC, Instant.parse("2026-03-10T12:00:00Z"), rows);

        assertThat(report.months()).extracting(m -> m.figures().actionItemsOverdueAtMonthEnd())
                .containsExactly(5L, 5L, 2L);
        assertThat(report.totals().figures().actionItemsOverdueAtMonthEnd()).isEqualTo(2);
    }

    @Test
    void theLongestRunWithoutAMajorIncidentSpansMonthBoundaries() {
        Rows rows = new Rows();
        rows.majors.add(Instant.parse("2026-01-02T10:00:00Z"));
        rows.majors.add(Instant.parse("2026-03-30T10:00:00Z"));
        rows.lastMajor = Instant.parse("2026-03-30T10:00:00Z");

        MonthlyReport report = report("2026-01", "2026-03", UTC, LATER, rows);

        assertThat(report.longestRunWithoutMajorIncidentDays()).as("3 January to 29 March").isEqualTo(29 + 28 + 29);
        assertThat(report.daysSinceLastMajorIncident()).as("to 31 March").isOne();
    }

    @Test
    void runsAreCountedInLocalDaysOfTheTeamsZone() {
        Rows rows = new Rows();
        // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin.
        rows.majors.add(Instant.parse("2026-01-31T23:30:00Z"));
        rows.lastMajor = Instant.parse("2026-01-31T23:30:00Z");

        MonthlyReport inBerlin = report("2026-01", "2026-02", ZoneId.of("Europe/Berlin"), LATER, rows);
        MonthlyReport inUtc = report("2026-01", "2026-02", UTC, LATER, rows);

        assertThat(inBerlin.longestRunWithoutMajorIncidentDays()).as("all of January").isEqualTo(31);
        assertThat(inBerlin.daysSinceLastMajorIncident()).as("1 to 28 February").isEqualTo(27);
        assertThat(inUtc.longestRunWithoutMajorIncidentDays()).as("1 to 30 January").isEqualTo(30);
        assertThat(inUtc.daysSinceLastMajorIncident()).isEqualTo(28);
    }

    @Test
    void withoutAnyMajorIncidentTheWholeRangeIsOneRunAndThereIsNoLastOne() {
        MonthlyReport report = report("2026-01", "2026-03", UTC, LATER, new Rows());

        assertThat(report.longestRunWithoutMajorIncidentDays()).isEqualTo(31 + 28 + 31);
        assertThat(report.daysSinceLastMajorIncident()).isNull();
    }

    @Test
    void aMajorIncidentOnTheFirstDayLeavesTheRunFromTheNextDayToToday() {
        Rows rows = new Rows();
        rows.majors.add(Instant.parse("2026-01-01T00:30:00Z"));
        rows.lastMajor = Instant.parse("2026-01-01T00:30:00Z");

        MonthlyReport report = report("2026-01", "2026-03", UTC, Instant.parse("2026-03-15T12:00:00Z"), rows);

        assertThat(report.longestRunWithoutMajorIncidentDays()).as("2 January to 15 March")
                .isEqualTo(30 + 28 + 15);
        assertThat(report.daysSinceLastMajorIncident()).isEqualTo(30 + 28 + 15);
    }

    @Test
    void aMajorIncidentBeforeTheRangeCountsForTheDaysSinceButNotForTheRun() {
        Rows rows = new Rows();
        rows.lastMajor = Instant.parse("2025-12-31T10:00:00Z");

        MonthlyReport report = report("2026-01", "2026-01", UTC, LATER, rows);

        assertThat(report.daysSinceLastMajorIncident()).isEqualTo(31);
        assertThat(report.longestRunWithoutMajorIncidentDays()).isEqualTo(31);
    }
}
