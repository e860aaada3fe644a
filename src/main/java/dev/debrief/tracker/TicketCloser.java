package dev.debrief.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends one close the review decided ({@code debrief.tracker.close-on-done}), for {@link TrackerJobs}: claims it
 * (see {@link TicketCloses}), comments on its ticket unless an earlier attempt did (after an attempt of unknown
 * outcome, the comment is first looked for by its marker), closes the ticket, and records it. No transaction is
 * open during the calls.
 */
@ApplicationScoped
class TicketCloser {

    private static final Logger LOG = Logger.getLogger(TicketCloser.class);

    @Inject
    TicketCloses closes;

    @Inject
    Trackers trackers;

    /** Claims the close and carries it out; true when the ticket is now closed. */
    boolean send(long closeId) {
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
