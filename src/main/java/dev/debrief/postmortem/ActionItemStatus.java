package dev.debrief.postmortem;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where an action item stands. DONE and DROPPED are the ends a published post-mortem's items reach. */
public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    /** The statuses of an item still to be done: the one definition of "open" that queries bind as well. */
    public static final Set<ActionItemStatus> OPEN_STATUSES = Collections.unmodifiableSet(EnumSet.of(OPEN, IN_PROGRESS));

    public boolean isOpen() {
        return OPEN_STATUSES.contains(this);
    }
}
