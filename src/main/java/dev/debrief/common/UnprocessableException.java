package dev.debrief.common;

import java.util.List;

/** 422: the resource is not in a state that allows the operation; {@code errors} lists every part missing. */
public class UnprocessableException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public UnprocessableException(String detail, List<FieldError> errors) {
        super(422, "Not ready", detail, errors);
    }
}
