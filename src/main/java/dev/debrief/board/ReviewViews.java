package dev.debrief.board;

import dev.debrief.postmortem.ActionItemView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the review API. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** A review meeting and everything decided in it. */
    public record ReviewView(Long id, String week, Instant startedAt, String startedBy, Instant finishedAt,
            String finishedBy, List<String> attendees, List<Long> notDiscussed, List<DecisionView> decisions) {
    }

    /** A review in the list of past meetings. */
    public record ReviewSummary(Long id, String week, Instant startedAt, Instant finishedAt, int decisions,
            int notDiscussed) {
    }

    /** One decision: part of the meeting's record and of the item's history. */
    public record DecisionView(Long id, String week, Long actionItemId, Decision decision, LocalDate previousDueDate,
            LocalDate newDueDate, String reason, String note, Instant decidedAt, String decidedBy) {
    }

    /** What a decision answers: the decision recorded and the item as it is now. */
    public record Decided(DecisionView decision, ActionItemView actionItem) {
    }
}
