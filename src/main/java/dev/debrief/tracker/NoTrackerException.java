package dev.debrief.tracker;

import dev.debrief.common.DebriefException;
import java.util.List;

/** 503: no issue tracker is configured, so there is nowhere to open a ticket. */
class NoTrackerException extends DebriefException {

    private static final long serialVersionUID = 1L;

    NoTrackerException() {
        super(503, "No issue tracker", "No issue tracker is configured: an operator sets debrief.tracker.github.*, "
                + "debrief.tracker.gitlab.* or debrief.tracker.jira.* (docs/integrations.md).", List.of());
    }
}
