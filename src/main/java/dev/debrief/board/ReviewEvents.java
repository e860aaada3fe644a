package dev.debrief.board;

import dev.debrief.postmortem.ActionItemView;

/**
 * What happens in the weekly review that others may act on, fired as CDI events inside the transaction of the
 * decision or the finish, as {@link dev.debrief.postmortem.PostMortemEvents} are.
 */
public final class ReviewEvents {

    private ReviewEvents() {
    }

    /** The review decided on an item; the item as it is after the decision, and who decided. */
    public record ItemDecided(Decision decision, ActionItemView actionItem, String decidedBy) {
    }

    /** The review of a week was finished. */
    public record Finished(ReviewViews.ReviewView review) {
    }
}
