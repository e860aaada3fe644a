package dev.debrief.postmortem;

import static dev.debrief.common.Limited.TextKind.LINE;
import static dev.debrief.common.Limited.TextKind.NAME;
import static dev.debrief.common.Limited.TextKind.TITLE;

import dev.debrief.common.Limited;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The body of adding or changing an action item: the item as GET returned it, with the changed fields.
 * {@code version} is required on update only; a missing {@code priority} on update keeps the rank.
 */
public record ActionItemRequest(
        @Min(1) @Max(3) Integer priority,
        @NotBlank @Limited(TITLE) String title,
        @Limited(NAME) String owner,
        @Limited(NAME) String team,
        LocalDate dueDate,
        @NotNull ActionItemKind kind,
        @Limited(LINE) String ticketUrl,
        ActionItemStatus status,
        Instant completedAt,
        @Limited(LINE) String dropReason,
        Long version) {

    ActionItemDraft toDraft() {
        return new ActionItemDraft(priority, title, owner, team, dueDate, kind, ticketUrl, status, completedAt, dropReason);
    }
}
