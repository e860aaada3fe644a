package dev.debrief.security;

import dev.debrief.common.DebriefException;
import dev.debrief.common.FieldError;
import java.util.List;

/** 429: a current password given after too many wrong ones, or while too many checks are under way. */
class TooManyPasswordChecks extends DebriefException {

    private static final long serialVersionUID = 1L;

    TooManyPasswordChecks(SignInThrottledException refused) {
        super(429, "Too Many Requests", "Too many failed password checks for this user name or from this address. "
                + "Try again in " + refused.retryAfterSeconds() + " seconds.", List.of(new FieldError("currentPassword",
                        "was wrong too often; try again in " + refused.retryAfterMinutes() + " minute(s)")));
    }
}
