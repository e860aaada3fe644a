package dev.debrief.importing;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and durations as post-mortems write them: {@code 2024-03-01T10:00:00Z}, {@code 2024-03-01 10:00 UTC},
 * {@code 2024-03-01 10:00 Europe/Berlin} (as Debrief's own export writes them), {@code 2024-03-01 10:00 +01:00},
 * a date alone, or a time alone ({@code 14:05}) on a day known from elsewhere; and {@code 2 hours},
 * {@code 3 hours 20 minutes}, {@code 1h 20m}, {@code 45 min}.
 */
final class TimeText {

    /** A date, optionally a time, optionally a zone or offset, at the start of the text. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[T ]+(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?))?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|\\(UTC\\)|[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)?");
    private static final Pattern TIME = Pattern.compile(
            "^(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[A-Za-z]+/[A-Za-z_]+)?");
    private static final Pattern DURATION_PART = Pattern.compile(
            "(?<![\\d.])(\\d{1,9}+(?:\\.\\d{1,9}+)?)\\s*+(d|days?|h|hrs?|hours?|m|mins?|minutes?)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The longest duration read: anything longer is a typo, not a time to detect or resolve. */
    private static final Duration LONGEST = Duration.ofDays(3_650);

    /** A time read from text: when, how many characters it took, and what it lacked (no zone, no time). */
    record Read(ZonedDateTime at, int length, boolean zoneGiven, boolean timeGiven) {
    }

    private TimeText() {
    }

    /** A date with an optional time and zone at the start of {@code text}; without a zone, {@code fallback}. */
    static Optional<Read> dateTime(String text, ZoneId fallback) {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(pad(m.group(2)));
            Optional<ZoneId> zone = zone(m.group(3));
            return Optional.of(new Read(ZonedDateTime.of(date, time, zone.orElse(fallback)), m.end(),
                    zone.isPresent(), m.group(2) != null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A time of day with an optional zone at the start of {@code text}, on {@code day}. */
    static Optional<Read> timeOn(String text, LocalDate day, ZoneId fallback) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            Optional<ZoneId> zone = zone(m.group(2));
            return Optional.of(new Read(ZonedDateTime.of(day, LocalTime.parse(pad(m.group(1))),
                    zone.orElse(fallback)), m.end(), zone.isPresent(), true));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A duration such as "3 hours 20 minutes"; empty when the text names none, or more than ten years. */
    static Optional<Duration> duration(String text) {
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        boolean found = false;
        while (m.find()) {
            found = true;
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long seconds = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3_600 : 60;
            total = total.plusSeconds(Math.round(amount * seconds));
            if (total.compareTo(LONGEST) > 0) {
                return Optional.empty();
            }
        }
        return found ? Optional.of(total) : Optional.empty();
    }

    /** The length of the time at the start of {@code text} as a timeline line writes it, or 0. */
    static int leadingTime(String text) {
        Matcher date = DATE_TIME.matcher(text);
        if (date.find()) {
            return date.end();
        }
        Matcher time = TIME.matcher(text);
        return time.find() ? time.end() : 0;
    }

    private static Optional<ZoneId> zone(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String zone = written.replace("(", "").replace(")", "");
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String offset = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return Optional.of(OffsetDateTime.parse("2000-01-01T00:00" + offset).getOffset());
        }
        return Optional.of(ZoneId.of(zone));
    }

    private static String pad(String time) {
        return time.indexOf(':') == 1 ? "0" + time : time;
    }
}
