package dev.debrief.board;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Records a weekly review that was held before Debrief knew of it (the demo year), with the times it was held.
 * The decisions are only recorded: the caller has already brought each item to the state the decision left it
 * in, as {@link ReviewService} does in one step for a review held now.
 */
@ApplicationScoped
public class PastReviews {

    /** One decision as it was taken. */
    public record PastDecision(long actionItemId, Decision decision, LocalDate previousDueDate,
            LocalDate newDueDate, String reason, String note, Instant decidedAt) {
    }

    /** Stores the finished review of {@code week} and returns its id. */
    public long record(String week, String chair, Instant startedAt, List<PastDecision> decisions,
            List<String> attendees, Set<Long> notDiscussed, Instant finishedAt) {
        Review review = Review.start(week, chair, startedAt);
        for (PastDecision d : decisions) {
            review.record(d.actionItemId(), d.decision(), d.previousDueDate(), d.newDueDate(), d.reason(), d.note(),
                    d.decidedAt(), chair);
        }
        review.finish(attendees, notDiscussed, chair, finishedAt);
        review.persist();
        return review.getId();
    }
}
