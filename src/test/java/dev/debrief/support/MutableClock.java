package dev.debrief.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the system clock in tests, so that "now", due times and overdue checks are fixed. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    public static final Instant DEFAULT_NOW = Instant.parse("2026-03-10T12:00:00Z");

    private volatile Instant now = DEFAULT_NOW;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = DEFAULT_NOW;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
