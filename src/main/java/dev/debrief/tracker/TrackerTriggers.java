package dev.debrief.tracker;

import dev.debrief.board.Decision;
import dev.debrief.board.ReviewEvents;
import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.ActionItemView;
import dev.debrief.postmortem.PostMortemEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * With {@code debrief.tracker.create-on-publish}, publishing records the intent to open a ticket for each open item
 * without one, in the transaction of the publication; {@link TicketCreator} carries the intents out. With
 * {@code debrief.tracker.close-on-done}, the review's DONE or DROP of an item with an open ticket owes the tracker a
 * comment and a close, in the transaction of the decision; {@link TicketCloser} sends them. The observers only write
 * rows: a tracker is never called while the post-mortem is locked.
 */
@ApplicationScoped
class TrackerTriggers {

    @Inject
    DebriefConfig config;

    @Inject
    Trackers trackers;

    @Inject
    Clock clock;

    @Inject
    TicketCloses closes;

    void published(@Observes PostMortemEvents.Published event) {
        if (!config.tracker().createOnPublish()) {
            return;
        }
        Optional<Tracker> tracker = trackers.forNewTickets();
        if (tracker.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ActionItemView item : event.postMortem().actionItems()) {
            if (item.draft().status().isOpen() && TrackerTicket.count("actionItemId", item.id()) == 0) {
                new TrackerTicket(item.id(), tracker.get().kind(), now, null, true).persist();
            }
        }
    }

    void decided(@Observes ReviewEvents.ItemDecided event) {
        if (config.tracker().closeOnDone()
                && (event.decision() == Decision.DONE || event.decision() == Decision.DROP)) {
            closes.owe(event.actionItem(), event.decidedBy(), "the weekly review");
        }
    }
}
