package dev.debrief.importing;

import dev.debrief.postmortem.ActionItemKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action items under an action-item heading: list items ({@code - [ ] Alert on error rate @alice due
 * 2024-03-01}) or the rows of a table with a title column (Debrief's export writes one). The owner comes from an
 * {@code @name} or {@code owner: name}, the due date from {@code due}, {@code by} or {@code deadline} and a date.
 */
final class ItemLines {

    /** A line that only labels or separates the items: a sub-heading, a rule, a label in bold. */
    private static final Pattern LABEL = Pattern.compile(
            "#{1,6}\\s.*|([-*_])(?:\\s*+\\1){2,}+|(\\*\\*|__)[^*_]{1,200}+\\2:?");

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]]\\s+)?(.+)$");
    private static final Pattern OWNER = Pattern.compile("(?:@([A-Za-z0-9._-]+))"
            + "|(?:\\(?\\b(?:owner|assignee|owned by)\\s*+:?\\s*+([A-Za-z0-9._-][A-Za-z0-9._ -]{0,99}?)\\)?"
            + "(?=[,;)]|$|\\s++(?:due|by)\\b))", Pattern.CASE_INSENSITIVE);
    private static final Pattern DUE = Pattern.compile(
            "\\(?\\b(?:due|by|deadline)\\s*+:?\\s*+(\\d{4}-\\d{2}-\\d{2})\\)?", Pattern.CASE_INSENSITIVE);

    /** An item as the document states it; owner, due date and kind may be missing. */
    record Item(String title, String owner, LocalDate due, ActionItemKind kind) {
    }

    private ItemLines() {
    }

    /** The items of {@code lines}; the lines that are none (prose, an item's indented details) go to {@code rest}. */
    static List<Item> read(List<String> lines, List<String> rest) {
        List<Item> items = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("|")) {
                List<String> cells = cells(stripped);
                if (cells.stream().allMatch(cell -> cell.matches(":?-{3,}:?"))) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(Destination::normalise).toList();
                    continue;
                }
                items.add(fromRow(header, cells));
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                items.add(fromText(item.group(1)));
            } else if (!stripped.isEmpty() && !LABEL.matcher(stripped).matches()) {
                rest.add(line);
            }
        }
        return items.stream().filter(item -> !item.title().isBlank()).toList();
    }

    private static Item fromText(String text) {
        String owner = null;
        Matcher who = OWNER.matcher(text);
        if (who.find()) {
            owner = (who.group(1) != null ? who.group(1) : who.group(2)).strip();
            text = text.substring(0, who.start()) + text.substring(who.end());
        }
        LocalDate due = null;
        Matcher when = DUE.matcher(text);
        if (when.find()) {
            due = date(when.group(1));
            text = text.substring(0, when.start()) + text.substring(when.end());
        }
        String title = withoutTrailingPunctuation(TimelineLines.oneLine(text.replaceAll("\\(\\s*+\\)", "")));
        return new Item(title, owner, due, null);
    }

    /** The title without the separators an owner or due date left at its end ({@code "Add alert —"}). */
    private static String withoutTrailingPunctuation(String title) {
        int end = title.length();
        while (end > 0 && (Character.isWhitespace(title.charAt(end - 1))
                || ",;:—–-".indexOf(title.charAt(end - 1)) >= 0)) {
            end--;
        }
        return title.substring(0, end);
    }

    private static Item fromRow(List<String> header, List<String> cells) {
        String title = cell(header, cells, "title", "action", "action item", "item", "task", "description");
        String owner = cell(header, cells, "owner", "assignee", "who");
        String due = cell(header, cells, "due", "due date", "deadline", "by");
        String kind = cell(header, cells, "kind", "type");
        ActionItemKind parsedKind = null;
        try {
            parsedKind = kind.isBlank() ? null : ActionItemKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAKind) {
            parsedKind = null;
        }
        return new Item(TimelineLines.oneLine(title), owner.isBlank() ? null : TimelineLines.oneLine(owner),
                due.isBlank() ? null : date(due.strip()), parsedKind);
    }

    private static String cell(List<String> header, List<String> cells, String... names) {
        for (String name : names) {
            int column = header.indexOf(name);
            if (column >= 0 && column < cells.size()) {
                return cells.get(column);
            }
        }
        return "";
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
