package dev.debrief.postmortem;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * An action item as the API shows it: its ids, what the team wrote (the fields of its {@link ActionItemDraft}, in
 * the JSON in the draft's order), and what the service keeps beside them.
 */
public record ActionItemView(
        Long id,
        Long postmortemId,
        @JsonUnwrapped ActionItemDraft draft,
        Instant droppedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ActionItemView of(ActionItem item) {
        return new ActionItemView(item.getId(), item.getPostMortem().getId(), item.toDraft(), item.getDroppedAt(),
                item.getCreatedAt(), item.getUpdatedAt(), item.getVersion());
    }
}
