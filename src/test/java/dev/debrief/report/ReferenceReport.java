package dev.debrief.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's figures computed the obvious way, in memory, from the history the test wrote: what the SQL
 * aggregation must equal (docs/metrics.md states the same definitions in words).
 */
final class ReferenceReport {

    private ReferenceReport() {
    }

    static Map<String, Object> month(List<History.Incident> history, YearMonth month, ZoneId zone, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        List<History.Incident> started = history.stream().filter(i -> in(i.startedAt(), month, zone)).toList();
        f.put("incidents", (long) started.size());
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String s : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
            bySeverity.put(s, started.stream().filter(i -> i.severity().equals(s)).count());
        }
        f.put("incidentsBySeverity", bySeverity);
        List<Double> ttd = started.stream().filter(i -> i.detectedAt() != null)
                .map(i -> minutes(i.startedAt(), i.detectedAt())).toList();
        List<Double> ttr = started.stream().filter(i -> i.resolvedAt() != null)
                .map(i -> minutes(i.startedAt(), i.resolvedAt())).toList();
        f.put("meanTimeToDetectMinutes", mean(ttd));
        f.put("medianTimeToDetectMinutes", median(ttd));
        f.put("meanTimeToResolveMinutes", mean(ttr));
        f.put("medianTimeToResolveMinutes", median(ttr));
        Map<String, Long> sources = new LinkedHashMap<>();
        for (String s : List.of("MONITORING", "SYNTHETIC", "CUSTOMER", "STAFF", "OTHER")) {
            sources.put(s, started.stream().filter(i -> s.equals(i.source())).count());
        }
        sources.put("UNSPECIFIED", started.stream().filter(i -> i.source() == null).count());
        f.put("detectionSources", sources);
        List<History.Incident> published = history.stream()
                .filter(i -> i.publishedAt() != null && in(i.publishedAt(), month, zone)).toList();
        long within = published.stream().filter(i -> i.resolvedAt() != null
                && !i.publishedAt().isAfter(i.resolvedAt().plus(Duration.ofHours(48)))).count();
        f.put("postmortemsPublished", (long) published.size());
        f.put("publishedWithin48h", within);
        f.put("publishedWithin48hRate", published.isEmpty() ? null : (double) within / published.size());
        List<History.Item> items = history.stream().flatMap(i -> i.items().stream()).toList();
        f.put("actionItemsCreated", items.stream().filter(i -> in(i.createdAt(), month, zone)).count());
        f.put("actionItemsCompleted", items.stream()
                .filter(i -> i.completedAt() != null && in(i.completedAt(), month, zone)).count());
        f.put("actionItemsCompletedOnTime", items.stream()
                .filter(i -> i.completedAt() != null && in(i.completedAt(), month, zone)
                        && i.dueDate() != null && !i.completedAt().atZone(zone).toLocalDate().isAfter(i.dueDate()))
                .count());
        f.put("actionItemsDropped", items.stream()
                .filter(i -> i.droppedAt() != null && in(i.droppedAt(), month, zone)).count());
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant at = end.isBefore(now) ? end : now;
        f.put("actionItemsOverdueAtMonthEnd", items.stream()
                .filter(i -> i.createdAt().isBefore(at) && i.dueDate() != null
                        && i.dueDate().isBefore(at.atZone(zone).toLocalDate())
                        && (i.completedAt() == null || !i.completedAt().isBefore(at))
                        && (i.droppedAt() == null || !i.droppedAt().isBefore(at)))
                .count());
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (String k : List.of("DETECTION", "RESPONSE", "PREVENTION")) {
            byKind.put(k, items.stream().filter(i -> in(i.createdAt(), month, zone) && i.kind().equals(k)).count());
        }
        f.put("actionItemsByKind", byKind);
        return f;
    }

    private static boolean in(Instant instant, YearMonth month, ZoneId zone) {
        return YearMonth.from(instant.atZone(zone)).equals(month);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds() / 60.0;
    }

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
