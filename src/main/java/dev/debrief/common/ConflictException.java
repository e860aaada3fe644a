package dev.debrief.common;

import java.util.List;

/** 409: the request is well-formed but conflicts with a rule or with the stored state. */
public class ConflictException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        this("Conflict", detail);
    }

    protected ConflictException(String title, String detail) {
        super(409, title, detail, List.of());
    }
}
