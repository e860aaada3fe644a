package dev.debrief.common;

import java.util.List;

/** 412: the {@code If-Match} header names a version that is no longer current. */
public class PreconditionFailedException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String ifMatch, String current) {
        super(412, "Precondition failed", "If-Match " + ifMatch + " does not match the current ETag " + current
                + ": someone else changed this resource. Reload it and save again.", List.of());
    }
}
