package dev.debrief.postmortem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** A row of the post-mortem list: the facts and the clock, without the document's text. */
public record PostMortemSummary(
        Long id,
        String title,
        Severity severity,
        String team,
        List<String> services,
        List<String> tags,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        PostMortemStatus status,
        Instant publishedAt,
        Instant updatedAt,
        long version,
        @JsonUnwrapped Timing timing,
        int actionItemCount) {
}
