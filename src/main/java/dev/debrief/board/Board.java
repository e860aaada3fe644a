package dev.debrief.board;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.ActionItemTickets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly review board as of one day: open action items in sections (overdue first), what was done since
 * the last review, write-ups past their due time, and who (person and team) carries the most overdue items. Names
 * are the JSON contract (docs/weekly-review.md). Each section lists its first rows ({@link BoardService.Rows#FIRST}
 * unless asked for more) and {@link Counts} says how many it has; {@link SectionRows} brings the rest.
 */
public record Board(
        LocalDate asOf,
        List<ItemRow> overdue,
        List<ItemRow> dueThisWeek,
        List<ItemRow> later,
        List<ItemRow> doneSinceLastReview,
        List<WriteUpRow> overdueWriteUps,
        Counts counts,
        List<OwnerLoad> owners,
        List<TeamLoad> teams,
        LocalDate weekStart,
        LocalDate weekEnd,
        String lastReview) {

    /** One action item on the board; {@code ticket} is its linked ticket in an issue tracker, or null. */
    public record ItemRow(Long actionItemId, Long postmortemId, String postmortemTitle, Integer priority,
            String title, String owner, String team, LocalDate dueDate, ActionItemStatus status, ActionItemKind kind,
            long daysOverdue, long redateCount, Instant lastReviewedAt, Decision lastDecision,
            boolean notDiscussedLastReview, ActionItemTickets.Ticket ticket) {
    }

    /** A post-mortem whose write-up is past its due time. */
    public record WriteUpRow(Long postmortemId, String title, Instant writeUpDueAt, long hoursOverdue) {
    }

    /** How many rows each section has. */
    public record Counts(int overdue, int dueThisWeek, int later, int doneSinceLastReview, int overdueWriteUps) {
    }

    /**
     * Rows of one section from {@code offset} on (counting from 0, in the board's order), at most {@code limit},
     * and how many the section has in all: {@code GET /api/board/sections/{section}}.
     */
    public record SectionRows(String section, LocalDate asOf, int offset, int limit, int total, List<ItemRow> items) {
    }

    /** One owner's load: open items, and how many of them are overdue. */
    public record OwnerLoad(String owner, int overdue, int open) {
    }

    /** One team's load (an item's own team, else its post-mortem's; "" for none): open items and overdue ones. */
    public record TeamLoad(String team, int overdue, int open) {
    }
}
