package dev.debrief.tracker;

import dev.debrief.board.Decision;
import dev.debrief.board.ReviewEvents;
import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.ActionItemView;
import dev.debrief.postmortem.PostMortemEvents;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * With {@code debrief.tracker.create-on-publish}, publishing records the intent to open a ticket for each open item
 * without one, in the transaction of the publication; {@link TrackerJobs} carries the intents out. With
 * {@code debrief.tracker.close-on-done}, the review's DONE or DROP of an item with an open ticket, or an edit that
 * makes it done or dropped, owes the tracker a comment and a close, in the transaction of the change;
 * {@link TicketCloser} sends them. The observers only write rows: a tracker is never called while the post-mortem is
 * locked.
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

    @Inject
    CurrentUser currentUser;

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
            closes.owe(event.actionItem(), "the weekly review", by("decided by", event.decidedBy()));
        }
    }

    /** An edit's DONE or DROPPED closes the ticket as the review's would; a tracker's own close fires no edit. */
    void edited(@Observes PostMortemEvents.ActionItemClosedByEdit event) {
        if (config.tracker().closeOnDone()) {
            closes.owe(event.actionItem(), "an edit of the action item",
                    Arc.container().requestContext().isActive() ? by("made by", currentUser.name()) : "");
        }
    }

    private static String by(String verb, String user) {
        return user == null || user.isBlank() ? "" : verb + " " + user;
    }
}
