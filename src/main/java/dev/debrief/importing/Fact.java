package dev.debrief.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a post-mortem states on lines of their own, {@code Key: value}, also as a list item (numbered or not),
 * with the key in bold ({@code - **Severity:** SEV2}, as Debrief's export writes them), or as a row of a two-column
 * table. Each fact has the keys templates use for it.
 */
enum Fact {
    STARTED("date", "incident date", "started", "start", "start time", "started at", "impact started",
            "incident start", "impact start", "began"),
    DETECTED("detected", "detected at", "time detected", "detection time", "alerted"),
    RESOLVED("resolved", "resolved at", "resolution time", "time resolved", "ended", "end", "end time",
            "recovered", "mitigated"),
    TIME_TO_DETECT("time to detection", "time to detect", "ttd", "mean time to detect"),
    TIME_TO_RESOLVE("time to recovery", "time to resolve", "time to resolution", "time to mitigate",
            "time to mitigation", "ttr", "ttm", "duration", "outage duration"),
    SEVERITY("severity", "sev", "incident severity", "severity level"),
    SERVICES("services", "service", "affected services", "services affected", "systems affected"),
    ATTENDEES("attendees", "participants", "people involved"),
    TEAM("team", "owning team", "responsible team"),
    TAGS("tags", "labels"),
    STATUS("status");

    private static final Pattern LINE = Pattern.compile(
            "^\\s*+(?:(?:[-*+]|\\d++[.)])\\s++)?(?:\\*\\*|__)?([A-Za-z][A-Za-z ]{0,40}?)\\s*+(?:\\*\\*|__)?+\\s*+:"
                    + "\\s*+(?:\\*\\*|__)?+\\s*+(.*?\\S)\\s*$");

    /** A row of a two-column table of facts, {@code | Severity | Sev 2 |}, as Confluence templates write them. */
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\s*+\\|\\s*+(?:\\*\\*|__)?([A-Za-z][A-Za-z ]{0,40}?)\\s*+(?:\\*\\*|__)?+\\s*+\\|"
                    + "\\s*+([^|]*?\\S)\\s*+\\|\\s*$");
    /** The line under a table's header row. */
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*+\\|?(?:\\s*+:?-{3,}+:?\\s*+\\|?)++\\s*$");

    private final List<String> keys;

    Fact(String... keys) {
        this.keys = List.of(keys);
    }

    /** A fact and its value, read from one line. */
    record Stated(Fact fact, String value) {
    }

    /** A stated value as a warning quotes it: on one line, in quotes, cut after 80 characters. */
    static String quoted(String value) {
        String line = TimelineLines.oneLine(value);
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'";
    }

    /** The fact {@code line} states, if it is a fact line with a known key. */
    static Optional<Stated> in(String line) {
        // Without trailing white space, each pattern reads a line in time linear in its length.
        String text = line.stripTrailing();
        Matcher m = LINE.matcher(text).matches() ? LINE.matcher(text) : TABLE_ROW.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = Destination.normalise(m.group(1));
        return Arrays.stream(values()).filter(fact -> fact.keys.contains(key)).findFirst()
                .map(fact -> new Stated(fact, m.group(2)));
    }

    /**
     * The lines without the header of a table whose rows were all facts: its header row and the rule under it,
     * with no row left after them.
     */
    static List<String> withoutEmptyTables(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean header = i + 1 < lines.size() && lines.get(i).strip().startsWith("|")
                    && TABLE_RULE.matcher(lines.get(i + 1)).matches()
                    && (i + 2 >= lines.size() || !lines.get(i + 2).strip().startsWith("|"));
            if (header) {
                i++;
            } else {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }
}
