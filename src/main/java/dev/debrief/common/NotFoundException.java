package dev.debrief.common;

import java.util.List;

/** 404: no resource has that id. */
public class NotFoundException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super("There is no " + what + " with id " + id + ".", List.of());
    }

    /** For something that has no id, such as the demo data. */
    public NotFoundException(String detail) {
        super(detail, List.of());
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
