package dev.debrief.postmortem;

import java.time.Duration;
import java.time.Instant;

/**
 * What a post-mortem's times say at one moment, derived and never stored: how long the incident took to detect
 * and to resolve, when the write-up is due, and whether it is overdue or was published late. The list and the
 * single post-mortem show the same figures, so they are worked out here once.
 */
public record Timing(
        Long timeToDetectMinutes,
        Long timeToResolveMinutes,
        Instant writeUpDueAt,
        boolean writeUpOverdue,
        boolean publishedLate) {

    static Timing of(PostMortem pm, Instant now, Duration window) {
        return new Timing(pm.timeToDetectMinutes(), pm.timeToResolveMinutes(), pm.writeUpDueAt(window),
                pm.isWriteUpOverdue(now, window), pm.isPublishedLate(window));
    }

    /** The same figures at {@code now}: only whether the write-up is overdue moves with time. */
    Timing at(Instant now, boolean published) {
        boolean overdue = isOverdue(writeUpDueAt, published, now);
        return overdue == writeUpOverdue ? this
                : new Timing(timeToDetectMinutes, timeToResolveMinutes, writeUpDueAt, overdue, publishedLate);
    }

    /** A write-up is overdue when it is not published and its due time ({@code null} while unresolved) has passed. */
    static boolean isOverdue(Instant due, boolean published, Instant now) {
        return !published && due != null && now.isAfter(due);
    }
}
