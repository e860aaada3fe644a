package dev.debrief.report;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.Severity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the report's statements ({@link ReportQueries}) return, as records, and what {@link ReportAssembly} turns
 * into figures. Statements grouped by month return maps keyed by month index ({@link ReportAssembly#index});
 * a month without rows is absent. Counts of a month add up to those of a period ({@code plus}); medians do not.
 */
final class ReportRows {

    private ReportRows() {
    }

    /** Everything one report reads, from the period before the range to the end of the range. */
    record All(
            Map<Integer, IncidentMonth> incidents,
            Map<Integer, Map<String, Long>> factors,
            PeriodMedians periodMedians,
            Map<Integer, Published> published,
            Map<Integer, Created> created,
            Map<Integer, Completed> completed,
            Map<Integer, Long> dropped,
            List<OverdueSpan> overdueSpans,
            OpenItems openItems,
            Instant lastMajorIncident,
            List<Instant> majorIncidentStarts) {
    }

    /** Incidents counted, and their times to detect and to resolve summed (in microseconds) and counted. */
    record Incidents(long count, Map<Severity, Long> bySeverity, Map<DetectionSource, Long> bySource,
            long withoutSource, long ttdSumMicros, long ttdCount, long ttrSumMicros, long ttrCount) {

        static final Incidents NONE = new Incidents(0, Map.of(), Map.of(), 0, 0, 0, 0, 0);

        Incidents plus(Incidents other) {
            return new Incidents(count + other.count, sum(bySeverity, other.bySeverity, Severity.class),
                    sum(bySource, other.bySource, DetectionSource.class), withoutSource + other.withoutSource,
                    ttdSumMicros + other.ttdSumMicros, ttdCount + other.ttdCount,
                    ttrSumMicros + other.ttrSumMicros, ttrCount + other.ttrCount);
        }
    }

    /** Medians of the times to detect and to resolve, in microseconds; null when there is nothing to take one of. */
    record Medians(Double ttdMicros, Double ttrMicros) {

        static final Medians NONE = new Medians(null, null);
    }

    /** A month's incidents and their medians. */
    record IncidentMonth(Incidents incidents, Medians medians) {
    }

    /** The medians of the period before the range and of the range, which no sum of months gives. */
    record PeriodMedians(Medians previous, Medians range) {
    }

    /** Post-mortems published, and how many of them within the write-up window of their resolution. */
    record Published(long count, long withinWindow) {

        static final Published NONE = new Published(0, 0);

        Published plus(Published other) {
            return new Published(count + other.count, withinWindow + other.withinWindow);
        }
    }

    /** Action items created, in all and per kind. */
    record Created(long count, Map<ActionItemKind, Long> byKind) {

        static final Created NONE = new Created(0, Map.of());

        Created plus(Created other) {
            return new Created(count + other.count, sum(byKind, other.byKind, ActionItemKind.class));
        }
    }

    /** Action items completed, and how many of them on or before their due date. */
    record Completed(long count, long onTime) {

        static final Completed NONE = new Completed(0, 0);

        Completed plus(Completed other) {
            return new Completed(count + other.count, onTime + other.onTime);
        }
    }

    /**
     * Items overdue from the end of month {@code overdueFrom} until before the end of month {@code closedIn}
     * (month indexes; {@code -1} for "since before the range", {@link ReportQueries#NEVER} for "still open").
     */
    record OverdueSpan(int overdueFrom, int closedIn, long count) {
    }

    /** Open items overdue since before the range began (so in every month of it), and those overdue now. */
    record OpenItems(long overdueBeforeRange, long overdueNow) {
    }

    private static <E extends Enum<E>> Map<E, Long> sum(Map<E, Long> a, Map<E, Long> b, Class<E> type) {
        Map<E, Long> sum = new EnumMap<>(type);
        for (E key : type.getEnumConstants()) {
            sum.put(key, a.getOrDefault(key, 0L) + b.getOrDefault(key, 0L));
        }
        return sum;
    }
}
