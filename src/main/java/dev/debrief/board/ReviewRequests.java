package dev.debrief.board;

import static dev.debrief.common.Limited.TextKind.LINE;
import static dev.debrief.common.Limited.TextKind.NAME;

import dev.debrief.common.Limited;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the review API. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** Start (or reopen) the review of an ISO week such as {@code 2026-W48}. */
    public record Start(@NotBlank String week) {
    }

    /** One decision on one open action item. */
    public record Decide(@NotNull Long actionItemId, @NotNull Decision decision, LocalDate newDueDate,
            @Limited(LINE) String reason, @Limited(LINE) String note) {
    }

    /** Finish the meeting: who attended. */
    public record Finish(@Size(max = 100) List<@NotBlank @Limited(NAME) String> attendees) {
    }
}
