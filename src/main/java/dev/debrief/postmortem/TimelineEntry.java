package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One line of the incident timeline: what was seen or done, and when. A value, so a record. */
@Embeddable
public record TimelineEntry(
        @Column(name = "at", nullable = false) Instant at,
        @Column(name = "event", nullable = false, length = 2000) String event) {
}
