package dev.debrief.common;

/** 409: the client edited an older version than the one stored; nothing was written. */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what, long sent, long current) {
        super("Stale version", "The " + what + " was changed by someone else: you sent version " + sent
                + " but the stored version is " + current + ". Reload it, reapply your change and save again.");
    }
}
