package dev.debrief.tracker;

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
 * without one, in the transaction of the publication; {@link TicketCreator} carries the intents out. The observer
 * only writes rows: a tracker is never called while the post-mortem is locked.
 */
@ApplicationScoped
class TrackerTriggers {

    @Inject
    DebriefConfig config;

    @Inject
    Trackers trackers;

    @Inject
    Clock clock;

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
}
