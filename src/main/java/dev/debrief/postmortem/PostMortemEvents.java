package dev.debrief.postmortem;

/**
 * What happens to post-mortems that others may act on, fired as CDI events inside the transaction of the change:
 * a synchronous observer's work commits or rolls back with the change. The post-mortem does not know who listens
 * (the webhooks do).
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

    /** A team was added, renamed or removed; {@code team} as the API showed it after (or before a removal). */
    public record TeamChanged(NamedView team) {
    }
}
