package dev.debrief.board;

/** What the weekly review decides for one open action item. */
public enum Decision {
    /** Stays as it is: still the right item, still the right date. */
    KEEP,
    /** Gets a new due date, for a reason. */
    REDATE,
    /** Is done. */
    DONE,
    /** Is dropped, for a reason. */
    DROP
}
