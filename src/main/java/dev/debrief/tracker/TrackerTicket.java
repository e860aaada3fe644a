package dev.debrief.tracker;

import dev.debrief.postmortem.ActionItemTickets;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * An action item's ticket in an issue tracker. It exists from the moment Debrief decides to open the ticket
 * ({@link State#PENDING}, the intent, with the marker the ticket's body will carry) and is linked once the tracker
 * has answered; one per item.
 */
@Entity
@Table(name = "tracker_ticket")
@SequenceGenerator(sequenceName = "tracker_ticket_seq")
class TrackerTicket extends ClaimedRow {

    enum State {
        PENDING, OPEN, CLOSED
    }

    @Column(nullable = false)
    private Long actionItemId;

    @Convert(converter = KindColumn.class)
    @Column(nullable = false, length = 10)
    private TrackerKind tracker;

    @Column(nullable = false, length = 100)
    private String marker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(length = 200)
    private String ticketKey;

    @Column(length = 100)
    private String remoteId;

    @Column(length = 2000)
    private String url;

    private Instant closedAt;

    private Instant lastEventAt;

    @Column(nullable = false)
    private Instant createdAt;

    protected TrackerTicket() {
    }

    /** The intent to open a ticket for an item, claimed by {@code token} when given; retried by the job if {@code retried}. */
    TrackerTicket(long actionItemId, TrackerKind tracker, Instant now, String token, boolean retried) {
        this.actionItemId = actionItemId;
        this.tracker = tracker;
        this.marker = markerOf(actionItemId);
        this.state = State.PENDING;
        this.createdAt = now;
        if (token != null) {
            claimedBy(token, now);
        }
        dueAt(retried ? now : null);
    }

    /** The text a ticket's body carries so that Debrief can find it again: unique per item. */
    static String markerOf(long actionItemId) {
        return "debrief-action-item-" + actionItemId;
    }

    /** The tracker answered: the ticket exists. The claim ends; nothing is left to retry. */
    void link(Tracker.RemoteTicket remote) {
        this.remoteId = remote.remoteId();
        this.ticketKey = remote.key();
        this.url = remote.url();
        this.state = remote.closed() ? State.CLOSED : State.OPEN;
        this.closedAt = remote.closed() ? remote.closedAt() : null;
        this.lastEventAt = remote.updatedAt();
        succeeded();
    }

    /**
     * An attempt failed: the claim ends, and an intent the job retries waits by the policy, or is given up after the
     * last attempt (an editor may still open the ticket by hand).
     */
    void failed(String error, Instant now, RetryWaits waits) {
        if (getNextAttemptAt() != null) {
            dueAt(waits.next(getAttempts(), now).orElse(null));
        }
        attemptFailed(error);
    }

    /**
     * Whether a ticket state seen at {@code changedAt} is newer than the last one applied; a replayed or late
     * delivery is not. A state without a time counts as new only if it differs.
     */
    boolean isNewer(Instant changedAt, boolean closed) {
        if (changedAt == null || lastEventAt == null) {
            return closed != (state == State.CLOSED);
        }
        return changedAt.isAfter(lastEventAt);
    }

    /** The tracker's state as last seen, at the tracker's time {@code changedAt}. */
    void seen(boolean closed, Instant closedAt, Instant changedAt) {
        this.state = closed ? State.CLOSED : State.OPEN;
        this.closedAt = closed ? closedAt : null;
        if (changedAt != null) {
            this.lastEventAt = changedAt;
        }
    }

    boolean isLinked() {
        return state != State.PENDING;
    }

    ActionItemTickets.Ticket view() {
        return new ActionItemTickets.Ticket(tracker.wireName(), ticketKey, url, state.name().toLowerCase(Locale.ROOT));
    }

    long getActionItemId() {
        return actionItemId;
    }

    TrackerKind getTracker() {
        return tracker;
    }

    String getMarker() {
        return marker;
    }

    String getRemoteId() {
        return remoteId;
    }

    String getTicketKey() {
        return ticketKey;
    }

    State getState() {
        return state;
    }

    /** Stores a tracker by its configuration name ({@code github}), as the schema's check constraint lists them. */
    @Converter
    static class KindColumn implements AttributeConverter<TrackerKind, String> {

        @Override
        public String convertToDatabaseColumn(TrackerKind kind) {
            return kind == null ? null : kind.wireName();
        }

        @Override
        public TrackerKind convertToEntityAttribute(String name) {
            return name == null ? null : TrackerKind.named(name).orElseThrow();
        }
    }
}
