package dev.debrief.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A post-mortem as the API shows it: the stored document, the derived clock and durations, and its items by rank. */
public record PostMortemView(
        Long id,
        String title,
        Severity severity,
        List<String> services,
        List<String> attendees,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        String summary,
        String impact,
        String whatHappened,
        String whyDetectionFailed,
        String whyResponseFailed,
        String whatWeChange,
        List<Timeline> timeline,
        List<String> considered,
        PostMortemStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Long timeToDetectMinutes,
        Long timeToResolveMinutes,
        Instant writeUpDueAt,
        boolean writeUpOverdue,
        boolean publishedLate,
        List<ActionItemView> actionItems) {

    /** A timeline line. */
    public record Timeline(Instant at, String event) {
    }

    static PostMortemView of(PostMortem pm, Instant now, Duration window) {
        IncidentDocument doc = pm.document();
        return new PostMortemView(pm.getId(), doc.title(), doc.severity(), doc.services(), doc.attendees(),
                doc.startedAt(),
                doc.detectedAt(), doc.resolvedAt(), doc.detectionSource(), doc.summary(), doc.impact(),
                doc.whatHappened(), doc.whyDetectionFailed(), doc.whyResponseFailed(), doc.whatWeChange(),
                doc.timeline().stream().map(t -> new Timeline(t.at(), t.event())).toList(), doc.considered(),
                pm.getStatus(), pm.getPublishedAt(), pm.getCreatedAt(), pm.getUpdatedAt(), pm.getVersion(),
                pm.timeToDetectMinutes(), pm.timeToResolveMinutes(), pm.writeUpDueAt(window),
                pm.isWriteUpOverdue(now, window), pm.isPublishedLate(window),
                pm.getActionItems().stream().map(ActionItemView::of).toList());
    }
}
