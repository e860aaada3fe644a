package dev.debrief.report;

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
import dev.debrief.report.ReportRows.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns what the statements read ({@link ReportRows}) into the report for one range: months' figures, periods as
 * sums of their months, means from sums and counts, overdue items at each month's end as running sums, and the
 * major-incident runs. It also gives the statements their bounds, so both agree on them. Needs no database.
 * The range is the months {@code from} to {@code to}, both included; the period before it is as long. Its bounds
 * are computed from the range, not stored beside it.
 */
record ReportAssembly(YearMonth from, YearMonth to, ZoneId zone, Instant now) {

    static final String UNSPECIFIED = "UNSPECIFIED";

    private static final double MICROS_PER_MINUTE = 60_000_000.0;

    /** A month as a number that counts months: year * 12 + month - 1. */
    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** When the period before the range begins: what all statements read from. */
    Instant previousStart() {
        return start(previousFrom());
    }

    /** When the range begins. */
    Instant rangeStart() {
        return start(from);
    }

    /** When the month after the range begins: what the statements of events read to. */
    Instant end() {
        return start(to.plusMonths(1));
    }

    /** The end of the range, or now when the range includes the current month. */
    Instant endOrNow() {
        Instant end = end();
        return end.isBefore(now) ? end : now;
    }

    /** The first day of the period before the range. */
    LocalDate previousFirstDay() {
        return previousFrom().atDay(1);
    }

    /** The first day after the range. */
    LocalDate dayAfter() {
        return to.plusMonths(1).atDay(1);
    }

    LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    /** The first month of the period of equal length before the range. */
    private YearMonth previousFrom() {
        return from.minusMonths(ChronoUnit.MONTHS.between(from, to) + 1);
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    MonthlyReport assemble(ReportRows.All rows) {
        Map<Integer, Long> overdue = overdueAtMonthEnds(rows.overdueSpans(), rows.openItems());
        // Every month and period lists the same factors: those any incident of either period names.
        SortedSet<String> factorNames = new TreeSet<>();
        rows.factors().values().forEach(month -> factorNames.addAll(month.keySet()));
        List<MonthlyReport.Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            int key = index(m);
            IncidentMonth incidents = rows.incidents().getOrDefault(key, new IncidentMonth(Incidents.NONE,
                    Medians.NONE));
            months.add(new MonthlyReport.Month(m.toString(), figures(incidents.incidents(), incidents.medians(),
                    rows.published().getOrDefault(key, Published.NONE), rows.created().getOrDefault(key, Created.NONE),
                    rows.completed().getOrDefault(key, Completed.NONE), rows.dropped().getOrDefault(key, 0L),
                    overdue.getOrDefault(key, 0L), factors(factorNames, rows.factors(), m, m))));
        }
        MonthlyReport.Period totals = period(from, to, rows, rows.periodMedians().range(), overdue, factorNames);
        MonthlyReport.Period previous = period(previousFrom(), from.minusMonths(1), rows,
                rows.periodMedians().previous(), overdue, factorNames);
        LocalDate lastDay = endOrNow().equals(now) ? today() : to.atEndOfMonth();
        return new MonthlyReport(from.toString(), to.toString(), zone.getId(), months, totals, previous,
                daysSince(rows.lastMajorIncident(), lastDay), longestRunWithout(rows.majorIncidentStarts(), lastDay));
    }

    /** A period's figures: its months' counts summed, with the period's own medians. */
    private static MonthlyReport.Period period(YearMonth first, YearMonth last, ReportRows.All rows, Medians medians,
            Map<Integer, Long> overdue, SortedSet<String> factorNames) {
        Incidents incidents = Incidents.NONE;
        Published published = Published.NONE;
        Created created = Created.NONE;
        Completed completed = Completed.NONE;
        long dropped = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            int key = index(m);
            IncidentMonth month = rows.incidents().get(key);
            if (month != null) {
                incidents = incidents.plus(month.incidents());
            }
            published = published.plus(rows.published().getOrDefault(key, Published.NONE));
            created = created.plus(rows.created().getOrDefault(key, Created.NONE));
            completed = completed.plus(rows.completed().getOrDefault(key, Completed.NONE));
            dropped += rows.dropped().getOrDefault(key, 0L);
        }
        return new MonthlyReport.Period(first.toString(), last.toString(), figures(incidents, medians, published,
                created, completed, dropped, overdue.getOrDefault(index(last), 0L),
                factors(factorNames, rows.factors(), first, last)));
    }

    /** Incidents per contributing factor from month {@code first} to {@code last}, every name listed, 0 if none. */
    static Map<String, Long> factors(SortedSet<String> names, Map<Integer, Map<String, Long>> byMonth,
            YearMonth first, YearMonth last) {
        Map<String, Long> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.put(name, 0L));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            byMonth.getOrDefault(index(m), Map.of()).forEach((name, count) -> counts.merge(name, count, Long::sum));
        }
        return counts;
    }

    /**
     * Items open and past due at the end of each month of both periods (for the current month: now), keyed by
     * month index. Each span is overdue from the end of one month until before the end of another, so the
     * running sum of spans begun minus spans ended gives every month; open items overdue since before the
     * periods count from the start, and the current month takes the count of items overdue now.
     */
    Map<Integer, Long> overdueAtMonthEnds(List<OverdueSpan> spans, OpenItems open) {
        int lo = index(previousFrom());
        int hi = index(to);
        // Slot 0 is "before the first month", the last slot "after the last month".
        long[] begun = new long[hi - lo + 3];
        long[] ended = new long[hi - lo + 3];
        begun[0] += open.overdueBeforeRange();
        for (OverdueSpan span : spans) {
            int overdueFrom = Math.max(span.overdueFrom(), lo - 1);
            int closedIn = Math.min(span.closedIn(), hi + 1);
            begun[overdueFrom - lo + 1] += span.count();
            ended[closedIn - lo + 1] += span.count();
        }
        Map<Integer, Long> overdue = new HashMap<>();
        long running = 0;
        for (int m = lo - 1; m <= hi; m++) {
            running += begun[m - lo + 1] - ended[m - lo + 1];
            if (m >= lo) {
                overdue.put(m, running);
            }
        }
        YearMonth current = YearMonth.from(now.atZone(zone));
        if (!current.isAfter(to)) {
            overdue.put(index(current), open.overdueNow());
        }
        return overdue;
    }

    /** Whole days from the local date of the last major incident to {@code lastDay}; null if there was none. */
    private Long daysSince(Instant lastMajor, LocalDate lastDay) {
        return lastMajor == null ? null : ChronoUnit.DAYS.between(lastMajor.atZone(zone).toLocalDate(), lastDay);
    }

    /**
     * The most whole days in a row, from the range's first day to {@code lastDay}, on which no major incident
     * started; {@code majorStarts} are those of the range, in order.
     */
    private long longestRunWithout(List<Instant> majorStarts, LocalDate lastDay) {
        long longest = 0;
        LocalDate previousDay = from.atDay(1).minusDays(1);
        for (Instant major : majorStarts) {
            LocalDate day = major.atZone(zone).toLocalDate();
            longest = Math.max(longest, ChronoUnit.DAYS.between(previousDay, day) - 1);
            previousDay = day;
        }
        return Math.max(longest, ChronoUnit.DAYS.between(previousDay, lastDay));
    }

    private static Figures figures(Incidents incidents, Medians medians, Published published, Created created,
            Completed completed, long dropped, long overdue, Map<String, Long> factors) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.name(), incidents.bySeverity().getOrDefault(severity, 0L));
        }
        Map<String, Long> sources = new LinkedHashMap<>();
        for (DetectionSource source : DetectionSource.values()) {
            sources.put(source.name(), incidents.bySource().getOrDefault(source, 0L));
        }
        sources.put(UNSPECIFIED, incidents.withoutSource());
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ActionItemKind kind : ActionItemKind.values()) {
            byKind.put(kind.name(), created.byKind().getOrDefault(kind, 0L));
        }
        return new Figures(incidents.count(), bySeverity,
                meanMinutes(incidents.ttdSumMicros(), incidents.ttdCount()), minutes(medians.ttdMicros()),
                meanMinutes(incidents.ttrSumMicros(), incidents.ttrCount()), minutes(medians.ttrMicros()), sources,
                published.count(), published.withinWindow(),
                published.count() == 0 ? null : (double) published.withinWindow() / published.count(),
                created.count(), completed.count(), completed.onTime(), dropped, overdue, byKind, factors);
    }

    private static Double meanMinutes(long sumMicros, long count) {
        return count == 0 ? null : sumMicros / (count * MICROS_PER_MINUTE);
    }

    private static Double minutes(Double micros) {
        return micros == null ? null : micros / MICROS_PER_MINUTE;
    }
}
