package dev.debrief.board;

import io.quarkus.qute.TemplateEnum;

/** What the weekly review decides for one open action item. */
@TemplateEnum
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
