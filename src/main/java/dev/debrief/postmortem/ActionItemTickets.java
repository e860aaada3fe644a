package dev.debrief.postmortem;

import java.util.Collection;
import java.util.Map;

/**
 * The tickets that action items are linked to in an issue tracker. Declared here and implemented by the tracker
 * package, so that the post-mortem page and the board show them without depending on it.
 */
public interface ActionItemTickets {

    /** A linked ticket: which tracker, its key there ({@code acme/web#12}, {@code OPS-7}), its address, its state. */
    record Ticket(String tracker, String key, String url, String state) {
    }

    /** The linked tickets of these items, by item id; items without one are absent. One query, whatever the number. */
    Map<Long, Ticket> forItems(Collection<Long> actionItemIds);

    /** Whether a tracker is configured, so that a ticket can be opened for an item. */
    boolean canOpen();
}
