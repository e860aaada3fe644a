package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One line of the incident timeline: what was seen or done, and when. */
@Embeddable
public class TimelineEntry {

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "event", nullable = false, length = 2000)
    private String event;

    protected TimelineEntry() {
    }

    public TimelineEntry(Instant at, String event) {
        this.at = at;
        this.event = event;
    }

    public Instant at() {
        return at;
    }

    public String event() {
        return event;
    }
}
