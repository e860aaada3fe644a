package dev.debrief.tracker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed creation on publishing is tried again: the n-th wait is the n-th of {@code waits}, the last
 * repeating, until {@code maxAttempts} ({@code debrief.tracker.retry-waits}, {@code debrief.tracker.max-attempts}).
 */
record RetryWaits(List<Duration> waits, int maxAttempts) {

    RetryWaits {
        if (waits.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("retries need at least one wait and one attempt");
        }
        waits = List.copyOf(waits);
    }

    /** The time of the next attempt after {@code attemptsMade} failed ones, none once they are used up. */
    Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(waits.get(Math.min(attemptsMade, waits.size()) - 1)));
    }
}
