package dev.debrief.postmortem;

/** How two post-mortems are linked. */
public enum LinkKind {
    /** The incidents are related (same area, one led to the other, ...). */
    RELATED,
    /** The incidents had the same cause: the second is the first one coming back. */
    SAME_CAUSE
}
