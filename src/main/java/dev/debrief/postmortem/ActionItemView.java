package dev.debrief.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/** An action item as the API shows it. */
public record ActionItemView(
        Long id,
        Long postmortemId,
        Integer priority,
        String title,
        String owner,
        LocalDate dueDate,
        ActionItemKind kind,
        String ticketUrl,
        ActionItemStatus status,
        Instant completedAt,
        String dropReason,
        Instant droppedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ActionItemView of(ActionItem item) {
        return new ActionItemView(item.getId(), item.getPostMortem().getId(), item.getPriority(), item.getTitle(),
                item.getOwner(), item.getDueDate(), item.getKind(), item.getTicketUrl(), item.getStatus(),
                item.getCompletedAt(), item.getDropReason(), item.getDroppedAt(), item.getCreatedAt(),
                item.getUpdatedAt(), item.getVersion());
    }
}
