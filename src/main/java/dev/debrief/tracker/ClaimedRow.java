package dev.debrief.tracker;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A row of work for a tracker that callers claim before they carry it out (a ticket to open, a close to send): who
 * holds it and since when, the attempts begun, when it is due next, and the last error. The claim itself is a
 * conditional update in {@link TicketClaims} and {@link TicketCloses}, which only one caller wins; the row then
 * records how the attempt ended.
 */
@MappedSuperclass
abstract class ClaimedRow extends Identified {

    private static final int ERROR_LENGTH = 200;

    private Instant claimedAt;

    @Column(length = 36)
    private String claimToken;

    @Column(nullable = false)
    private int attempts;

    private Instant nextAttemptAt;

    @Column(length = ERROR_LENGTH)
    private String lastError;

    /** {@code token} holds the row since {@code now}, for an attempt that begins. */
    protected void claimedBy(String token, Instant now) {
        claimedAt = now;
        claimToken = token;
        attempts++;
    }

    /** The row is due at {@code at}; never again when it is null. */
    protected void dueAt(Instant at) {
        nextAttemptAt = at;
    }

    /** The work is carried out: nothing is left to retry, and the claim ends. */
    protected void succeeded() {
        nextAttemptAt = null;
        lastError = null;
        release();
    }

    /** An attempt failed with {@code error} (cut to its column); the claim ends. */
    protected void attemptFailed(String error) {
        lastError = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        release();
    }

    private void release() {
        claimedAt = null;
        claimToken = null;
    }

    boolean isClaimedBy(String token) {
        return token != null && token.equals(claimToken);
    }

    /** Attempts begun, the one under way included. */
    int getAttempts() {
        return attempts;
    }

    protected Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
