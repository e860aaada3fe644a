package dev.debrief.importing;

import dev.debrief.common.FieldError;
import dev.debrief.postmortem.PostMortemRequest;
import dev.debrief.postmortem.TimeBounds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The incident's times as the document states them: the start from a "Date"/"Started" line or the first timeline
 * entry; detection and resolution from their own lines, from "Time to detection: 2 hours"-style durations, or from
 * the timeline entries that say so. A time without a zone is UTC, with a warning; a year before 1970 or a time in
 * the future cannot be right, and is refused rather than guessed.
 */
record ImportTimes(Instant startedAt, Instant detectedAt, Instant resolvedAt,
        List<PostMortemRequest.TimelineLine> timeline, List<String> leftOver, List<String> warnings,
        List<FieldError> refusals) {

    private static final Pattern DETECTION = Pattern.compile(
            "(?i)\\b(detect\\w*|alert\\w*|paged|page fired|noticed|first report\\w*)\\b");
    private static final Pattern RESOLUTION = Pattern.compile(
            "(?i)\\b(resolved|recovered|mitigated|fixed|restored|all clear|back to normal|incident closed)\\b");
    private static final int MAX_TIMELINE = 500;
    private static final int MAX_EVENT = 2000;

    /** The day the incident started, for timeline times written without a date. */
    /**
     * The zone the document states its start in, for the timeline's times written without one; UTC if the start
     * names none.
     */
    static ZoneId incidentZone(Map<Fact, String> facts) {
        return Optional.ofNullable(facts.get(Fact.STARTED))
                .flatMap(text -> TimeText.dateTime(text, ZoneOffset.UTC)).filter(TimeText.Read::zoneGiven)
                .map(read -> read.at().getZone()).orElse(ZoneOffset.UTC);
    }

    static LocalDate incidentDay(Map<Fact, String> facts) {
        return Optional.ofNullable(facts.get(Fact.STARTED))
                .flatMap(text -> TimeText.dateTime(text, ZoneOffset.UTC)).map(read -> read.at().toLocalDate())
                .orElse(null);
    }

    static ImportTimes settle(Map<Fact, String> facts, TimelineLines.Read timeline, Instant now) {
        List<String> warnings = new ArrayList<>();
        List<FieldError> refusals = new ArrayList<>();
        List<TimelineLines.Entry> entries = timeline.entries();
        boolean zoneMissing = entries.stream().anyMatch(entry -> !entry.zoneGiven());
        Optional<TimeText.Read> stated = Optional.ofNullable(facts.get(Fact.STARTED))
                .flatMap(text -> TimeText.dateTime(text, ZoneOffset.UTC));
        if (stated.isPresent() && !stated.get().timeGiven() && !entries.isEmpty()) {
            // A date alone names the day; the timeline says when on it the incident began.
            stated = Optional.empty();
        } else {
            stated = stated(facts, Fact.STARTED, warnings);
        }
        zoneMissing |= stated.map(read -> !read.zoneGiven()).orElse(false);
        Instant started = stated.map(read -> read.at().toInstant())
                .orElse(entries.isEmpty() ? null : entries.get(0).at().toInstant());
        Optional<TimeText.Read> detectedLine = stated(facts, Fact.DETECTED, warnings);
        Optional<TimeText.Read> resolvedLine = stated(facts, Fact.RESOLVED, warnings);
        zoneMissing |= detectedLine.map(read -> !read.zoneGiven()).orElse(false)
                || resolvedLine.map(read -> !read.zoneGiven()).orElse(false);
        Instant detected = detectedLine.map(read -> read.at().toInstant())
                .or(() -> after(started, facts.get(Fact.TIME_TO_DETECT), warnings))
                .orElseGet(() -> entryMatching(entries, DETECTION, false));
        Instant resolved = resolvedLine.map(read -> read.at().toInstant())
                .or(() -> after(started, facts.get(Fact.TIME_TO_RESOLVE), warnings))
                .orElseGet(() -> entryMatching(entries, RESOLUTION, true));
        ZoneId zone = incidentZone(facts);
        if (zoneMissing && zone.equals(ZoneOffset.UTC)) {
            warnings.add("Times written without a zone were read as UTC.");
        } else if (zoneMissing) {
            warnings.add("Timeline times written without a zone were read in " + zone + ", the zone of the start.");
        }
        if (started == null) {
            refusals.add(new FieldError("startedAt", "is missing: add a line such as 'Date: 2024-03-01 14:00 UTC' "
                    + "or a timeline with times"));
        }
        List<String> leftOver = new ArrayList<>(timeline.rest().stream().filter(line -> !line.isBlank()).toList());
        int unreadable = leftOver.size();
        List<PostMortemRequest.TimelineLine> lines = new ArrayList<>();
        for (TimelineLines.Entry entry : entries) {
            String event = entry.event();
            if (event.length() > MAX_EVENT) {
                leftOver.add(entry.at().toInstant() + " " + event);
                warnings.add("A timeline entry at " + entry.at().toInstant() + " is longer than " + MAX_EVENT
                        + " characters: it is cut, and kept in full in What happened.");
                event = event.substring(0, MAX_EVENT);
            }
            lines.add(new PostMortemRequest.TimelineLine(entry.at().toInstant(), event));
        }
        if (lines.size() > MAX_TIMELINE) {
            lines.subList(MAX_TIMELINE, lines.size()).forEach(line -> leftOver.add(line.at() + " " + line.event()));
            lines = new ArrayList<>(lines.subList(0, MAX_TIMELINE));
            warnings.add("The timeline has more than " + MAX_TIMELINE + " entries; the rest is kept in What happened.");
        }
        if (unreadable > 0) {
            warnings.add(unreadable + " timeline line(s) have no time that could be read; they are kept in "
                    + "What happened.");
        }
        Instant latest = now.plus(Duration.ofDays(1));
        check(refusals, "startedAt", started, latest);
        check(refusals, "detectedAt", detected, latest);
        check(refusals, "resolvedAt", resolved, latest);
        for (int i = 0; i < lines.size(); i++) {
            check(refusals, "timeline[" + i + "].at", lines.get(i).at(), latest);
        }
        refusals.forEach(refusal -> warnings.add(refusal.field() + " " + refusal.message()));
        return new ImportTimes(started, detected, resolved, lines, leftOver, warnings, refusals);
    }

    private static Optional<TimeText.Read> stated(Map<Fact, String> facts, Fact fact, List<String> warnings) {
        String text = facts.get(fact);
        if (text == null) {
            return Optional.empty();
        }
        Optional<TimeText.Read> read = TimeText.dateTime(text, ZoneOffset.UTC);
        if (read.isEmpty()) {
            warnings.add("Could not read a time in '" + text + "'; write it as 2024-03-01 14:05 UTC.");
        } else if (!read.get().timeGiven()) {
            warnings.add("'" + text + "' has no time of day: midnight is assumed.");
        }
        return read;
    }

    /** The start plus a stated duration; a duration that cannot be read (or is over ten years) is a warning. */
    private static Optional<Instant> after(Instant started, String duration, List<String> warnings) {
        if (started == null || duration == null) {
            return Optional.empty();
        }
        Optional<Instant> at = TimeText.duration(duration).map(started::plus);
        if (at.isEmpty()) {
            warnings.add("Could not read a duration in " + Fact.quoted(duration)
                    + " (or it is longer than ten years); write it as 3 hours 20 minutes.");
        }
        return at;
    }

    private static Instant entryMatching(List<TimelineLines.Entry> entries, Pattern words, boolean last) {
        Instant found = null;
        for (TimelineLines.Entry entry : entries) {
            if (words.matcher(entry.event()).find()) {
                found = entry.at().toInstant();
                if (!last) {
                    return found;
                }
            }
        }
        return found;
    }

    private static void check(List<FieldError> refusals, String field, Instant at, Instant latest) {
        if (at != null && (at.isBefore(TimeBounds.EARLIEST) || at.isAfter(latest))) {
            refusals.add(new FieldError(field, "is " + ZonedDateTime.ofInstant(at, ZoneOffset.UTC).toLocalDate()
                    + ": a date before 1970 or in the future cannot be right; correct it in the document"));
        }
    }
}
