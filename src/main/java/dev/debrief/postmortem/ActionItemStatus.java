package dev.debrief.postmortem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Where an action item stands. DONE and DROPPED are the ends a published post-mortem's items reach. */
public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    /** The statuses of an item still to be done: the one definition of "open" that queries bind as well. */
    public static final Set<ActionItemStatus> OPEN_STATUSES = Collections.unmodifiableSet(EnumSet.of(OPEN, IN_PROGRESS));

    /**
     * The same statuses as an HQL list of literals, {@code (dev.debrief.postmortem.ActionItemStatus.OPEN, ...)}, for
     * {@code i.status in ...}: bound as a list parameter instead, a query would be translated anew at every call
     * (common/InList).
     */
    public static final String OPEN_IN_HQL = OPEN_STATUSES.stream()
            .map(status -> ActionItemStatus.class.getName() + "." + status.name())
            .collect(Collectors.joining(", ", "(", ")"));

    public boolean isOpen() {
        return OPEN_STATUSES.contains(this);
    }

    /** Overdue: still open, and due before {@code today} (an item due today is not overdue yet). */
    public boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /** Whole days past the due date, 0 for an item that is not overdue. */
    public long daysOverdue(LocalDate dueDate, LocalDate today) {
        return isOverdue(dueDate, today) ? ChronoUnit.DAYS.between(dueDate, today) : 0;
    }
}
