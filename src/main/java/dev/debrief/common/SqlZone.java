package dev.debrief.common;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The team's time zone as both databases read it after {@code AT TIME ZONE}: a region such as Europe/Berlin, or UTC.
 * An offset has no such name: PostgreSQL reads "+02:00" there as a POSIX zone, two hours west, and "GMT+02:00" not
 * at all; months and weeks also follow a region's daylight saving, which an offset does not know.
 */
public final class SqlZone {

    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_/+\\-]*");

    private SqlZone() {
    }

    /** The zone's name for SQL; empty for an offset other than zero, however it is written. */
    public static Optional<String> nameOf(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
            return Optional.of("UTC");
        }
        return REGION.matcher(zone.getId()).matches() ? Optional.of(zone.getId()) : Optional.empty();
    }
}
