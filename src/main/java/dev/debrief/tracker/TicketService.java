package dev.debrief.tracker;

import dev.debrief.common.ConflictException;
import dev.debrief.common.Database;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.postmortem.ActionItemTickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens an action item's ticket exactly once: the intent is stored and claimed first (see {@link TicketClaims}); a
 * creation that may have happened already (an earlier attempt timed out, or its instance died) is first looked up
 * by the marker in the ticket's body; only then is the ticket created. No transaction is open during the call.
 */
@ApplicationScoped
class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    @Inject
    TicketClaims claims;

    @Inject
    Trackers trackers;

    /** The item's ticket, and whether this call opened it (false: it was linked already). */
    record Opened(ActionItemTickets.Ticket ticket, boolean created) {
    }

    /**
     * Opens the item's ticket in the tracker named (the one for new tickets when null), or answers the one it has.
     *
     * @throws NoTrackerException when no tracker is configured
     * @throws TrackerUnavailableException when the tracker fails; the item is unchanged and asking again is safe
     */
    Opened open(long postmortemId, long itemId, String trackerName) {
        Tracker tracker = trackerName == null || trackerName.isBlank()
                ? trackers.forNewTickets().orElseThrow(NoTrackerException::new)
                : TrackerKind.named(trackerName).flatMap(trackers::of).orElseThrow(() -> InvalidFieldsException.of(
                        "tracker", "must name a configured tracker: " + trackers.configuredNames()));
        TicketClaims.Begun begun;
        try {
            begun = claims.begin(postmortemId, itemId, tracker.kind());
        } catch (RuntimeException e) {
            if (Database.isConstraintViolation(e)) {
                throw new ConflictException("A ticket for action item " + itemId
                        + " is being opened right now; ask again in a moment.");
            }
            throw e;
        }
        if (begun.existing() != null) {
            return new Opened(begun.existing(), false);
        }
        TicketClaims.Claimed claimed = begun.claimed();
        Tracker target = trackers.of(claimed.tracker()).orElseThrow(NoTrackerException::new);
        try {
            return new Opened(carryOut(target, claimed), true);
        } catch (TrackerFailure e) {
            claims.failed(claimed, e.getMessage());
            throw new TrackerUnavailableException("The ticket was not opened: " + e.getMessage()
                    + ". The action item is unchanged; ask again later.");
        }
    }

    /** Tries one intent made on publishing, if this caller wins it; true when its ticket is now linked. */
    boolean retry(long ticketId) {
        Optional<TicketClaims.Claimed> claimed = claims.claimDue(ticketId);
        if (claimed.isEmpty()) {
            return false;
        }
        Optional<Tracker> target = trackers.of(claimed.get().tracker());
        if (target.isEmpty()) {
            claims.failed(claimed.get(), claimed.get().tracker().label() + " is no longer configured");
            return false;
        }
        try {
            carryOut(target.get(), claimed.get());
            return true;
        } catch (NotFoundException e) {
            LOG.info(e.getMessage());
            return false;
        } catch (TrackerFailure e) {
            claims.failed(claimed.get(), e.getMessage());
            LOG.debugf("Opening the ticket of intent %d failed: %s", ticketId, e.getMessage());
            return false;
        }
    }

    private ActionItemTickets.Ticket carryOut(Tracker tracker, TicketClaims.Claimed claimed) {
        Optional<Tracker.RemoteTicket> found = claimed.lookUpFirst()
                ? tracker.findByMarker(claimed.ticket().marker()) : Optional.empty();
        Tracker.RemoteTicket remote = found.orElseGet(() -> tracker.create(claimed.ticket()));
        return claims.link(claimed, remote);
    }
}
