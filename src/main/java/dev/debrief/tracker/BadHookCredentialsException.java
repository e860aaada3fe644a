package dev.debrief.tracker;

import dev.debrief.common.DebriefException;
import java.util.List;

/** 401: a tracker's webhook delivery without the signature or secret that proves where it comes from. */
class BadHookCredentialsException extends DebriefException {

    private static final long serialVersionUID = 1L;

    BadHookCredentialsException(String detail) {
        super(401, "Unauthorized", detail, List.of());
    }
}
