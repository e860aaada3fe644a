package dev.debrief.report;

import java.util.Map;

/**
 * The figures of one month, or of a whole period. Field names are the JSON and CSV contract
 * (docs/metrics.md defines each one); undefined means and rates are null.
 */
public record Figures(
        long incidents,
        Map<String, Long> incidentsBySeverity,
        Double meanTimeToDetectMinutes,
        Double medianTimeToDetectMinutes,
        Double meanTimeToResolveMinutes,
        Double medianTimeToResolveMinutes,
        Map<String, Long> detectionSources,
        long postmortemsPublished,
        long publishedWithin48h,
        Double publishedWithin48hRate,
        long actionItemsCreated,
        long actionItemsCompleted,
        long actionItemsCompletedOnTime,
        long actionItemsDropped,
        long actionItemsOverdueAtMonthEnd,
        Map<String, Long> actionItemsByKind,
        Map<String, Long> factors) {
}
