package dev.debrief.webhook;

import java.time.Duration;
import java.util.List;

/**
 * How often a delivery is tried and how long to wait between attempts: the n-th wait is the n-th of
 * {@code waits}, the last one repeating ({@code debrief.webhooks.retry-waits}, {@code debrief.webhooks.max-attempts}).
 */
record RetryPolicy(List<Duration> waits, int maxAttempts) {

    RetryPolicy {
        if (waits.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least one wait and one attempt");
        }
        waits = List.copyOf(waits);
    }

    /** The wait after {@code attemptsMade} failed attempts (1 for the first). */
    Duration waitAfter(int attemptsMade) {
        return waits.get(Math.min(attemptsMade, waits.size()) - 1);
    }
}
