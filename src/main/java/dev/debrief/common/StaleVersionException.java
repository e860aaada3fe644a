package dev.debrief.common;

/** 409: the client edited an older version than the one stored; nothing was written. */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String what, long sent, long current) {
        this("The " + what + " was changed by someone else: you sent version " + sent
                + " but the stored version is " + current + ". Reload it, reapply your change and save again.");
    }

    private StaleVersionException(String detail) {
        super("Stale version", detail);
    }

    /** The client edited what someone else has deleted since. */
    public static StaleVersionException deleted(String what, long id) {
        return new StaleVersionException("The " + what + " " + id + " was deleted by someone else. Reload, then "
                + "save again what you still want.");
    }
}
