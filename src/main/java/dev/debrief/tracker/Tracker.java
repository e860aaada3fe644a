package dev.debrief.tracker;

import java.time.Instant;
import java.util.Optional;

/**
 * One issue tracker, as Debrief uses it: open a ticket, find one by the marker in its body, read one's state, and
 * comment on and close one. Each call either answers or throws {@link TrackerFailure}; none retries by itself.
 */
interface Tracker {

    TrackerKind kind();

    /** Whether the operator configured this tracker (its address, credentials and project). */
    boolean configured();

    /** Opens a ticket. A timeout leaves it unknown whether the ticket exists: look it up by marker before retrying. */
    RemoteTicket create(NewTicket ticket);

    /** The ticket whose body carries {@code marker}, if the tracker has one. */
    Optional<RemoteTicket> findByMarker(String marker);

    /** The ticket's state now. */
    RemoteTicket read(String remoteId);

    /**
     * Whether the ticket known by {@code key} is in the repository or project this tracker works on now: one opened
     * before the operator pointed the tracker elsewhere is not, and its number would name another ticket here.
     */
    default boolean holds(String key) {
        return true;
    }

    /** Whether one of the ticket's latest comments carries {@code marker} (posted by a call that then timed out). */
    boolean hasComment(String remoteId, String marker);

    /** Adds a comment to the ticket. */
    void comment(String remoteId, String text);

    /**
     * Closes the ticket: as completed, or as not planned where the tracker tells the two apart. A ticket closed
     * already is no error. Answers the ticket's state after.
     */
    RemoteTicket close(String remoteId, boolean completed);

    /** What Debrief asks a tracker to open. */
    record NewTicket(String title, String body, String marker) {

        /** The label every ticket of an action item carries. */
        static final String LABEL = "postmortem-action-item";
    }

    /**
     * A ticket as the tracker describes it: its id in the tracker's API, the key people use, its address, whether it
     * is done, when it was closed and when it last changed.
     */
    record RemoteTicket(String remoteId, String key, String url, boolean closed, Instant closedAt, Instant updatedAt) {
    }
}
