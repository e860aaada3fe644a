package dev.debrief.common;

import java.util.List;

/** 404: no resource has that id. */
public class NotFoundException extends DebriefException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(404, "Not found", "There is no " + what + " with id " + id + ".", List.of());
    }

    /** For something that has no id, such as the demo data. */
    public NotFoundException(String detail) {
        super(404, "Not found", detail, List.of());
    }
}
