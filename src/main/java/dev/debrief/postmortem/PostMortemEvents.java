package dev.debrief.postmortem;

/**
 * What happens to post-mortems that others may act on, fired as CDI events inside the transaction of the change:
 * a synchronous observer's work commits or rolls back with the change. The post-mortem does not know who listens
 * (the webhooks and the issue trackers do).
 */
public final class PostMortemEvents {

    private PostMortemEvents() {
    }

    /** A post-mortem was published; the view as the API shows it after publishing. */
    public record Published(PostMortemView postMortem) {
    }

    /** An action item was added to a post-mortem. */
    public record ActionItemAdded(ActionItemView actionItem) {
    }

    /**
     * An edit of an action item (not a review's decision) made it done or dropped; the item as it is after the edit.
     */
    public record ActionItemClosedByEdit(ActionItemView actionItem) {
    }

    /**
     * An action item became done: by the weekly review's decision, or because its ticket was closed in an issue
     * tracker; the item as it is after.
     */
    public record ActionItemCompleted(ActionItemView actionItem) {
    }

    /** A team was added, renamed or removed; {@code team} as the API showed it after (or before a removal). */
    public record TeamChanged(NamedView team) {
    }
}
