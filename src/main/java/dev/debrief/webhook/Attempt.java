package dev.debrief.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * One attempt at a delivery: when it started, the receiver's HTTP status code, or why there was none (a timeout, a
 * refused connection, a refused address), and how long it took. A value, shown as it is stored.
 */
@Embeddable
public record Attempt(
        @Column(name = "at", nullable = false) Instant at,
        @Column(name = "status_code") Integer statusCode,
        @Column(name = "error", length = Attempt.ERROR_LENGTH) String error,
        @Column(name = "duration_ms", nullable = false) long durationMs) {

    static final int ERROR_LENGTH = 200;

    static Attempt answered(Instant at, int statusCode, long durationMs) {
        return new Attempt(at, statusCode, null, durationMs);
    }

    static Attempt failed(Instant at, String error, long durationMs) {
        return new Attempt(at, null, error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH),
                durationMs);
    }

    boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
