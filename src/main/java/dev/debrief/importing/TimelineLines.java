package dev.debrief.importing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entries of a timeline section: list items or table rows that start with a time, {@code - 14:05 paged the
 * on-call}, {@code | 2024-03-01 14:05 UTC | paged |}. A time without a date falls on the incident's day, or the day
 * a line such as {@code **2024-03-01**} named last; a time earlier than the entry before it is on the next day.
 */
final class TimelineLines {

    private static final Pattern MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s\\-–—:|,*_]+");

    /** One entry read, and whether its time came without a zone. */
    record Entry(ZonedDateTime at, String event, boolean zoneGiven) {
    }

    /** What the section held: the entries, and the lines that are not entries. */
    record Read(List<Entry> entries, List<String> rest) {
    }

    private TimelineLines() {
    }

    static Read read(List<String> lines, LocalDate incidentDay, ZoneId fallback) {
        List<Entry> entries = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        LocalDate day = incidentDay;
        for (String raw : lines) {
            String line = plain(raw);
            if (line.isEmpty() || line.matches("[-:| ]+")) {
                continue;
            }
            Optional<TimeText.Read> dated = TimeText.dateTime(line, fallback);
            if (dated.isPresent() && !dated.get().timeGiven()) {
                // A date alone names the day of the times below it; words after it are kept with the rest.
                day = dated.get().at().toLocalDate();
                if (!line.substring(dated.get().length()).isBlank()) {
                    rest.add(raw);
                }
                continue;
            }
            Optional<TimeText.Read> at = dated.isPresent() ? dated
                    : day == null ? Optional.empty() : TimeText.timeOn(line, day, fallback);
            String event = at.map(read -> SEPARATOR.matcher(line.substring(read.length())).replaceFirst(""))
                    .orElse("");
            if (at.isEmpty() || event.isBlank()) {
                rest.add(raw);
                continue;
            }
            ZonedDateTime when = at.get().at();
            if (dated.isEmpty() && !entries.isEmpty() && when.isBefore(entries.get(entries.size() - 1).at())) {
                when = when.plusDays(1);
                day = when.toLocalDate();
            }
            entries.add(new Entry(when, oneLine(event.replace("|", " — ")), at.get().zoneGiven()));
        }
        return new Read(entries, rest);
    }

    /** The line without its list marker, table edges and bold markers around a leading time. */
    private static String plain(String raw) {
        String line = MARKER.matcher(raw).replaceFirst("").strip();
        if (line.startsWith("|")) {
            line = line.substring(1);
        }
        if (line.endsWith("|")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.replaceFirst("^\\s*(\\*\\*|__)([^*_]+?)(\\*\\*|__)", "$2").strip();
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").replaceAll("\\\\(\\p{Punct})", "$1").strip();
    }
}
