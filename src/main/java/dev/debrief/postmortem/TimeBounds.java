package dev.debrief.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The span a post-mortem's times and an item's due date may lie in: from 1970 to the year 9999. A time outside it is a
 * typo (a year 0026 for 2026); the report's durations, counted in microseconds, hold 292 years, and the calendar feed
 * writes years in four digits.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    public static final String DAY_RANGE = "must be a date between 1970 and 9999";

    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);

    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private TimeBounds() {
    }

    /** Whether {@code day} lies between 1970 and 9999. */
    public static boolean holds(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
