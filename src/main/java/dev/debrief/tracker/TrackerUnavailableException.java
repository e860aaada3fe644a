package dev.debrief.tracker;

import dev.debrief.common.DebriefException;
import java.util.List;

/** 502: the issue tracker failed; the action item is as it was. */
class TrackerUnavailableException extends DebriefException {

    private static final long serialVersionUID = 1L;

    TrackerUnavailableException(String detail) {
        super(502, "Issue tracker failed", detail, List.of());
    }
}
