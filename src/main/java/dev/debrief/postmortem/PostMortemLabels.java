package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.audit.Change;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * How the pages name the post-mortem's enum values and its history, so that templates list the values instead of
 * spelling them.
 */
@TemplateExtension
final class PostMortemLabels {

    private PostMortemLabels() {
    }

    static String label(PostMortemStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Published";
        };
    }

    /** A changed field as the history names it: a section by its label, another field by its name in words. */
    static String label(Change change) {
        for (Section section : Section.values()) {
            if (section.field.equals(change.field())) {
                return section.label;
            }
        }
        String words = change.field().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What an audited event did, in the words of the post-mortem's history. */
    static String label(AuditEntry entry) {
        return switch (entry.action()) {
            case "postmortem.created" -> "wrote the first draft";
            case "postmortem.updated" -> "edited";
            case "postmortem.published" -> "published";
            case "postmortem.deleted" -> "deleted the post-mortem";
            case "action-items.reordered" -> "re-ranked the action items";
            case "action-item.added" -> "added action item “" + entry.subject().name() + "”";
            case "action-item.updated" -> "edited action item “" + entry.subject().name() + "”";
            case "action-item.removed" -> "removed action item “" + entry.subject().name() + "”";
            default -> entry.action() + " “" + entry.subject().name() + "”";
        };
    }

    /**
     * Whether the history lists the fields an event changed: for edits, yes; a creation or a removal would list
     * every field, each from or to nothing.
     */
    static boolean listsChanges(AuditEntry entry) {
        return !entry.changes().isEmpty() && !entry.action().endsWith(".created") && !entry.action().endsWith(".added")
                && !entry.action().endsWith(".deleted") && !entry.action().endsWith(".removed");
    }

    static String label(ActionItemKind kind) {
        return switch (kind) {
            case DETECTION -> "Detection: find it sooner";
            case RESPONSE -> "Response: fix it faster";
            case PREVENTION -> "Prevention: stop it happening";
        };
    }
}
