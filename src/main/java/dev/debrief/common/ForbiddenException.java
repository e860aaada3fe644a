package dev.debrief.common;

import java.util.List;

/** A request the caller's role does not allow, found by a rule of the resource rather than by an HTTP permission. */
public class ForbiddenException extends DebriefException {

    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail, List.of());
    }
}
