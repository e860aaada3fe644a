package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a post-mortem's action items as a list: at most three, each rank 1 to 3 once, what publishing
 * needs of them. Part of the {@link PostMortem} aggregate, reached only through it: it works on the
 * aggregate's own list, so nothing changes the items without the root's rules.
 */
final class RankedItems {

    private final PostMortem postMortem;
    private final List<ActionItem> items;

    RankedItems(PostMortem postMortem, List<ActionItem> items) {
        this.postMortem = postMortem;
        this.items = items;
    }

    ActionItem add(ActionItemDraft draft, Instant now) {
        if (items.size() >= PostMortem.MAX_ACTION_ITEMS) {
            throw new ConflictException("A post-mortem has at most three action items, ranked 1 to 3 by impact, "
                    + "and this one already has three. Change or drop one of them, or record the idea under "
                    + "'considered'.");
        }
        requireRankFree(draft.priority(), null);
        ActionItem item = new ActionItem(postMortem, now);
        item.apply(draft, now, postMortem.getStartedAt(), postMortem.isPublished());
        item.rank(draft.priority());
        items.add(item);
        return item;
    }

    ActionItem revise(long itemId, ActionItemDraft draft, long sentVersion, Instant now) {
        ActionItem item = get(itemId);
        if (sentVersion != item.getVersion()) {
            throw new StaleVersionException("action item", sentVersion, item.getVersion());
        }
        Integer priority = draft.priority() == null ? item.getPriority() : draft.priority();
        requireRankFree(priority, item);
        item.apply(draft, now, postMortem.getStartedAt(), postMortem.isPublished());
        item.rank(priority);
        return item;
    }

    void remove(long itemId) {
        ActionItem item = get(itemId);
        if (postMortem.isPublished()) {
            throw new ConflictException("This post-mortem is published, so its action items are kept: set the item "
                    + "to DONE or DROPPED (with a reason) instead of deleting it.");
        }
        items.remove(item);
    }

    /**
     * Gives ranks 1, 2, 3 to the items in the order listed, all at once. Ranks are unique in the schema, so the
     * old ranks are cleared and flushed before the new ones are written.
     */
    void reorder(List<Long> order, Runnable flush) {
        Set<Long> current = new HashSet<>();
        items.forEach(item -> current.add(item.getId()));
        if (order == null || order.size() != current.size() || !current.equals(new HashSet<>(order))) {
            throw InvalidFieldsException.of("order", "must list each of this post-mortem's " + current.size()
                    + " action item ids exactly once, most impactful first; it has " + current);
        }
        items.forEach(item -> item.rank(null));
        flush.run();
        for (int i = 0; i < order.size(); i++) {
            get(order.get(i)).rank(i + 1);
        }
        items.sort(Comparator.comparing(ActionItem::getPriority));
    }

    /** What publishing needs of the items: exactly three, each with an owner and a due date. */
    List<FieldError> missingForPublication() {
        List<FieldError> missing = new ArrayList<>();
        if (items.size() != PostMortem.MAX_ACTION_ITEMS) {
            missing.add(new FieldError("actionItems", "exactly three action items, ranked 1 to 3, are required to "
                    + "publish; there " + (items.size() == 1 ? "is 1" : "are " + items.size())));
        }
        for (ActionItem item : items) {
            if (!item.readyForPublication()) {
                missing.add(new FieldError("actionItems[" + (item.getPriority() - 1) + "]",
                        "action item ranked " + item.getPriority() + " needs an owner and a due date to publish"));
            }
        }
        return missing;
    }

    /** Rule 4 for the items: the incident cannot start after an item was completed. */
    void requireCompletedSince(Instant startedAt) {
        for (ActionItem item : items) {
            if (item.getCompletedAt() != null && item.getCompletedAt().isBefore(startedAt)) {
                throw InvalidFieldsException.of("startedAt", "must not be after the completion of action item "
                        + item.getPriority() + " (" + item.getCompletedAt() + ")");
            }
        }
    }

    ActionItem get(long itemId) {
        return find(itemId).orElseThrow(() -> new NotFoundException("action item in post-mortem "
                + postMortem.getId(), itemId));
    }

    Optional<ActionItem> find(long itemId) {
        return items.stream().filter(item -> item.getId() != null && item.getId() == itemId).findFirst();
    }

    private void requireRankFree(Integer priority, ActionItem except) {
        if (priority == null || priority < 1 || priority > PostMortem.MAX_ACTION_ITEMS) {
            throw InvalidFieldsException.of("priority", "must be 1, 2 or 3");
        }
        for (ActionItem other : items) {
            if (other != except && priority.equals(other.getPriority())) {
                throw new ConflictException("Rank " + priority + " is already taken by '" + other.getTitle()
                        + "'. Each rank 1 to 3 is used once; reorder the items to change ranks.");
            }
        }
    }
}
