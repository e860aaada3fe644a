package dev.debrief.tracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Debrief's close of a ticket, owed since the review decided on its item: a row of the outbox, written in the
 * transaction of the decision, with the comment as it was then. It is pending until the tracker has the comment and
 * the ticket is closed, or the attempts run out (failed); the comment is posted once ({@link #getCommentedAt()}).
 */
@Entity
@Table(name = "tracker_close")
@SequenceGenerator(sequenceName = "tracker_close_seq")
class TicketClose extends ClaimedRow {

    static final int TEXT_LENGTH = 4000;

    enum Outcome {
        DONE, DROPPED
    }

    enum Status {
        PENDING, CLOSED, FAILED
    }

    @Column(nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;

    @Column(nullable = false, length = TEXT_LENGTH)
    private String commentText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant commentedAt;

    private Instant closedAt;

    protected TicketClose() {
    }

    /** A close due at once of the ticket {@code ticketId}, with {@code text} as its comment. */
    TicketClose(long ticketId, Outcome outcome, String text, Instant now) {
        this.ticketId = ticketId;
        this.status = Status.PENDING;
        restate(outcome, text);
        this.createdAt = now;
        dueAt(now);
    }

    /**
     * The item changed again before the tracker had this close (done, opened, then dropped, say): the close says
     * what the item is now. A comment posted already stays as it was.
     */
    void restate(Outcome now, String text) {
        outcome = now;
        if (commentedAt == null) {
            commentText = text.length() > TEXT_LENGTH - 100 ? text.substring(0, TEXT_LENGTH - 100) : text;
        }
    }

    /** The text the comment carries so that a retry finds it, after a call that timed out: unique per close. */
    String marker() {
        return "debrief-close-" + getId();
    }

    /** The comment as posted: the text, then the marker. */
    String comment() {
        return commentText + "\n\nDebrief reference: " + marker();
    }

    /** The comment is on the ticket: a retry only closes. */
    void commented(Instant now) {
        commentedAt = now;
    }

    /** The ticket is closed: nothing is left to do. */
    void closed(Instant now) {
        status = Status.CLOSED;
        closedAt = now;
        succeeded();
    }

    /** An attempt failed: the close waits by the policy, or is given up after the last attempt; the claim ends. */
    void failed(String error, Instant now, RetryWaits waits) {
        dueAt(waits.next(getAttempts(), now).orElse(null));
        if (getNextAttemptAt() == null) {
            status = Status.FAILED;
        }
        attemptFailed(error);
    }

    long getTicketId() {
        return ticketId;
    }

    Outcome getOutcome() {
        return outcome;
    }

    Status getStatus() {
        return status;
    }

    Instant getCommentedAt() {
        return commentedAt;
    }
}
