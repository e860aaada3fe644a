package dev.debrief.tracker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing a tracker did to an action item ("closed in GitHub acme/web#12"), at the tracker's time. */
@Entity
@Table(name = "tracker_history")
class TrackerHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracker_history_seq")
    @SequenceGenerator(name = "tracker_history_seq", sequenceName = "tracker_history_seq", allocationSize = 50)
    private Long id;

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
