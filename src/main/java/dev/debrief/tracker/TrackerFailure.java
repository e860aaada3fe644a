package dev.debrief.tracker;

/**
 * A tracker that did not answer, or refused. The message names the tracker and what went wrong in words safe to show
 * anyone: never a token, a URL with credentials or a class name.
 */
class TrackerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrackerFailure(String message) {
        super(message, null, false, false);
    }
}
