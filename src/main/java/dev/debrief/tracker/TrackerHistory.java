package dev.debrief.tracker;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing a tracker did to an action item ("closed in GitHub acme/web#12"), at the tracker's time. */
@Entity
@Table(name = "tracker_history")
@SequenceGenerator(sequenceName = "tracker_history_seq")
class TrackerHistory extends Identified {

    @Column(nullable = false)
    private Long actionItemId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 300)
    private String what;

    protected TrackerHistory() {
    }

    TrackerHistory(long actionItemId, Instant at, String what) {
        this.actionItemId = actionItemId;
        this.at = at;
        this.what = what.length() > 300 ? what.substring(0, 300) : what;
    }

    Long getActionItemId() {
        return actionItemId;
    }

    Instant getAt() {
        return at;
    }

    String getWhat() {
        return what;
    }
}
