package dev.debrief.common;

import java.util.List;

/**
 * A refusal that the client caused and can act on. Each subclass fixes the HTTP status; the message is
 * the human sentence that becomes the problem's {@code detail}.
 */
public abstract class DebriefException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<FieldError> errors;

    protected DebriefException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
