package dev.debrief.board;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One decision of a review on one action item: the item's history, who decided, when and why. */
@Entity
@Table(name = "review_decision")
@SequenceGenerator(sequenceName = "review_decision_seq")
public class ReviewDecision extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false)
    private Review review;

    @Column(nullable = false)
    private Long actionItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Decision decision;

    private LocalDate previousDueDate;

    private LocalDate newDueDate;

    @Column(length = 2000)
    private String reason;

    @Column(length = 2000)
    private String note;

    @Column(nullable = false)
    private Instant decidedAt;

    @Column(nullable = false, length = 64)
    private String decidedBy;

    protected ReviewDecision() {
    }

    ReviewDecision(Review review, long actionItemId, Decision decision, LocalDate previousDueDate,
            LocalDate newDueDate, String reason, String note, Instant decidedAt, String decidedBy) {
        this.review = review;
        this.actionItemId = actionItemId;
        this.decision = decision;
        this.previousDueDate = previousDueDate;
        this.newDueDate = newDueDate;
        this.reason = reason;
        this.note = note;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
    }

    /** What the item's history and the meeting's record show of this decision. */
    ReviewViews.DecisionView view() {
        return new ReviewViews.DecisionView(getId(), review.getWeek(), actionItemId, decision, previousDueDate,
                newDueDate, reason, note, decidedAt, decidedBy);
    }

    Long getActionItemId() {
        return actionItemId;
    }
}
