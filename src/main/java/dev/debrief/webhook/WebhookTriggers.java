package dev.debrief.webhook;

import dev.debrief.board.ReviewEvents;
import dev.debrief.postmortem.PostMortemEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Turns what happens to post-mortems and reviews into deliveries. The observers are synchronous, so they run in the
 * transaction of the change: a change that rolls back leaves no delivery, one that commits leaves all of them.
 */
@ApplicationScoped
class WebhookTriggers {

    @Inject
    Outbox outbox;

    void published(@Observes PostMortemEvents.Published event) {
        outbox.enqueue(WebhookEvent.POSTMORTEM_PUBLISHED, event.postMortem());
    }

    void itemAdded(@Observes PostMortemEvents.ActionItemAdded event) {
        outbox.enqueue(WebhookEvent.ACTION_ITEM_CREATED, event.actionItem());
    }

    /** The review's DONE and a ticket closed in an issue tracker alike. */
    void completed(@Observes PostMortemEvents.ActionItemCompleted event) {
        outbox.enqueue(WebhookEvent.ACTION_ITEM_COMPLETED, event.actionItem());
    }

    void decided(@Observes ReviewEvents.ItemDecided event) {
        switch (event.decision()) {
            case REDATE -> outbox.enqueue(WebhookEvent.ACTION_ITEM_REDATED, event.actionItem());
            case KEEP, DONE, DROP -> {
                // No event here: keeping changes nothing, DONE is announced as ActionItemCompleted, and dropping is
                // not one subscribers can ask for.
            }
        }
    }

    void finished(@Observes ReviewEvents.Finished event) {
        outbox.enqueue(WebhookEvent.REVIEW_FINISHED, event.review());
    }
}
