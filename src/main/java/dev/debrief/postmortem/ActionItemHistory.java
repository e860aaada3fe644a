package dev.debrief.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * Where an action item's history comes from (the weekly reviews). Declared here and implemented by the board,
 * so that the post-mortem page can show it without the post-mortem depending on the board.
 */
public interface ActionItemHistory {

    /** One entry: what was decided about an item, by whom and when. */
    record Entry(Long actionItemId, Instant at, String who, String what, String note) {
    }

    /** Entries for these items, oldest first. */
    List<Entry> of(List<Long> actionItemIds);
}
