package dev.debrief.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How pages show times and durations: in the team's time zone ({@code debrief.time-zone}), to the
 * minute. Templates reach it as {@code inject:display}.
 */
@ApplicationScoped
@Named("display")
public class Display {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    DebriefConfig config;

    public ZoneId zone() {
        return config.timeZone();
    }

    public String zoneName() {
        return zone().getId();
    }

    /** The write-up window as words, "48 h" by default. */
    public String writeUpWindow() {
        return duration(config.writeUpWindow().toMinutes());
    }

    /** "2026-03-10 14:05" in the team's zone, or an empty string. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone()));
    }

    /** The value of a {@code datetime-local} input. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : INPUT.format(instant.atZone(zone()));
    }

    /** Parses a {@code datetime-local} value entered in the team's zone. */
    public Instant parseInput(String value) {
        return LocalDateTime.parse(value.strip()).atZone(zone()).toInstant();
    }

    /** "1 h 5 min", "45 min", or an empty string. */
    public String minutes(Long minutes) {
        return minutes == null ? "" : duration(minutes);
    }

    public static String duration(long minutes) {
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days >= 3) {
            return days + " d " + hours + " h";
        }
        hours += days * 24;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
