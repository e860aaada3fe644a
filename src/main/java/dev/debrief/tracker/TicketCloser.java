package dev.debrief.tracker;

import dev.debrief.common.RunGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the closes the review decided ({@code debrief.tracker.close-on-done}): claims each due close (see
 * {@link TicketCloses}), comments on its ticket unless an earlier attempt did, closes the ticket, and records it. A
 * tracker that fails gets the close again after the waits of {@code debrief.tracker.retry-waits}; the review never
 * waits for a tracker, and each close is sent once whatever the number of runs or instances.
 */
@ApplicationScoped
public class TicketCloser {

    private static final Logger LOG = Logger.getLogger(TicketCloser.class);

    /** Closes one run looks at; more wait for the next run. */
    private static final int BATCH = 50;

    private final RunGate gate = new RunGate();

    @Inject
    TicketCloses closes;

    @Inject
    Trackers trackers;

    /** What one run did: tickets closed, and closes that failed (or that another run took). */
    public record Outcome(int closed, int notClosed) {
    }

    @Scheduled(every = "${debrief.tracker.close-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        gate.runUnlessStopping(this::run);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        gate.stop(Duration.ofSeconds(30));
    }

    public Outcome run() {
        int closed = 0;
        int notClosed = 0;
        for (long id : closes.due(BATCH)) {
            if (send(id)) {
                closed++;
            } else {
                notClosed++;
            }
        }
        return new Outcome(closed, notClosed);
    }

    private boolean send(long closeId) {
        Optional<TicketCloses.Claimed> claimed = closes.claim(closeId);
        if (claimed.isEmpty()) {
            return false;
        }
        TicketCloses.Claimed close = claimed.get();
        Optional<Tracker> tracker = trackers.of(close.tracker());
        if (tracker.isEmpty()) {
            closes.failed(close, close.tracker().label() + " is no longer configured");
            return false;
        }
        try {
            if (!close.commented()) {
                if (!close.lookUpFirst() || !tracker.get().hasComment(close.remoteId(), close.marker())) {
                    tracker.get().comment(close.remoteId(), close.comment());
                }
                closes.commented(close);
            }
            closes.closed(close, tracker.get().close(close.remoteId(), close.completed()));
            return true;
        } catch (TrackerFailure e) {
            closes.failed(close, e.getMessage());
            LOG.debugf("Closing the ticket of close %d failed: %s", closeId, e.getMessage());
            return false;
        }
    }
}
