package dev.debrief.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The writable fields of an action item, as a create or an update carries them into the aggregate and as the
 * item's {@link ActionItemView} shows them.
 */
public record ActionItemDraft(
        Integer priority,
        String title,
        String owner,
        String team,
        LocalDate dueDate,
        ActionItemKind kind,
        String ticketUrl,
        ActionItemStatus status,
        Instant completedAt,
        String dropReason) {
}
