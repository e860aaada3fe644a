package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the trackers' times: ISO 8601 ({@code 2026-03-10T12:00:00Z}, GitHub and GitLab's API), Jira's offset without
 * a colon ({@code 2026-03-10T12:00:00.000+0000}) and GitLab's webhook form ({@code 2026-03-10 12:00:00 UTC}).
 */
final class TrackerTimes {

    private static final DateTimeFormatter JIRA = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();

    private TrackerTimes() {
    }

    /** The time in {@code node}, null when it is absent or not a time. */
    static Instant of(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        try {
            if (text.endsWith(" UTC")) {
                return micros(Instant.parse(text.substring(0, text.length() - 4).replace(' ', 'T') + "Z"));
            }
            return micros(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return micros(OffsetDateTime.parse(text, JIRA).toInstant());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
