package dev.debrief.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A row of the post-mortem list: the facts and the clock, without the document's text. */
public record PostMortemSummary(
        Long id,
        String title,
        Severity severity,
        List<String> services,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        PostMortemStatus status,
        Instant publishedAt,
        Instant updatedAt,
        long version,
        Long timeToDetectMinutes,
        Long timeToResolveMinutes,
        Instant writeUpDueAt,
        boolean writeUpOverdue,
        boolean publishedLate,
        int actionItemCount) {

    static PostMortemSummary of(PostMortem pm, Instant now, Duration window) {
        return new PostMortemSummary(pm.getId(), pm.getTitle(), pm.getSeverity(), pm.getServices(), pm.getStartedAt(),
                pm.getDetectedAt(), pm.getResolvedAt(), pm.getDetectionSource(), pm.getStatus(), pm.getPublishedAt(),
                pm.getUpdatedAt(), pm.getVersion(), pm.timeToDetectMinutes(), pm.timeToResolveMinutes(),
                pm.writeUpDueAt(window), pm.isWriteUpOverdue(now, window), pm.isPublishedLate(window),
                pm.getActionItems().size());
    }
}
