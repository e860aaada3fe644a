package dev.debrief.common;

import java.util.List;

/**
 * A refusal that the client caused and can act on. Each subclass fixes the HTTP status; the message is
 * the human sentence that becomes the problem's {@code detail}.
 */
public abstract class DebriefException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    protected DebriefException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public abstract int status();

    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }
}
