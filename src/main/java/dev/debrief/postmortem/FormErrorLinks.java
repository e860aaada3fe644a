package dev.debrief.postmortem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write form's error summary: each refused field by the label the form shows it under, linked to the box, rather
 * than by the request's name for it ({@code items[0].dueDate} is "Action 1 due date").
 */
final class FormErrorLinks {

    /** One refused field: the id of its box ({@code null} when the form has none), its label and why it was refused. */
    public record ErrorLink(String anchor, String label, String message) {
    }

    private static final Pattern ITEM = Pattern.compile("items\\[(\\d)]\\.(\\w+)");
    private static final Pattern TIMELINE = Pattern.compile("timeline\\[(\\d+)]\\.(at|event)");

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"),
            Map.entry("severity", "Severity"), Map.entry("detectionSource", "Detection source"),
            Map.entry("team", "Owning team"), Map.entry("services", "Services"), Map.entry("tags", "Tags"),
            Map.entry("startedAt", "Impact started"), Map.entry("detectedAt", "Detected"),
            Map.entry("resolvedAt", "Resolved"), Map.entry("attendees", "Attendees"),
            Map.entry("considered", "Considered, not chosen"), Map.entry("factors", "Contributing factors"));

    private static final Map<String, String> ITEM_FIELDS = Map.of("title", "title", "owner", "owner",
            "dueDate", "due date", "kind", "kind");

    private FormErrorLinks() {
    }

    static List<ErrorLink> of(Map<String, String> errors) {
        return errors.entrySet().stream().filter(e -> !e.getKey().equals("conflict"))
                .map(e -> link(e.getKey(), e.getValue())).toList();
    }

    static ErrorLink link(String field, String message) {
        Matcher item = ITEM.matcher(field);
        if (item.matches()) {
            int rank = Integer.parseInt(item.group(1)) + 1;
            String part = ITEM_FIELDS.get(item.group(2));
            return part == null ? new ErrorLink("item" + rank + "-title", "Action " + rank, message)
                    : new ErrorLink("item" + rank + "-" + (part.equals("due date") ? "due" : item.group(2)),
                            "Action " + rank + " " + part, message);
        }
        Matcher row = TIMELINE.matcher(field);
        if (row.matches()) {
            int index = Integer.parseInt(row.group(1));
            return new ErrorLink("timeline" + index + "-" + row.group(2),
                    (row.group(2).equals("at") ? "Time " : "Event ") + (index + 1), message);
        }
        String base = field.replaceFirst("\\[.*$", "");
        if (LABELS.containsKey(base)) {
            return new ErrorLink(base, LABELS.get(base), message);
        }
        for (Section section : Section.values()) {
            if (section.field.equals(field)) {
                return new ErrorLink(field, section.label, message);
            }
        }
        return new ErrorLink(null, field.equals("form") ? "The form" : field, message);
    }
}
