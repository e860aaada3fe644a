package dev.debrief.postmortem;

/** Where an action item stands. DONE and DROPPED are the ends a published post-mortem's items reach. */
public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
