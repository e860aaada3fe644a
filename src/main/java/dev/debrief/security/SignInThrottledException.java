package dev.debrief.security;

import io.quarkus.security.AuthenticationException;
import java.time.Duration;

/**
 * A sign-in refused without checking the password, because too many failed before it. It is deliberately not an
 * {@code AuthenticationFailedException}: Quarkus answers those with the mechanism's challenge (a 401, or the form's
 * redirect to the error page), while any other authentication failure reaches the router's failure handlers, where
 * {@link SignInRefusals} turns it into a 429.
 */
class SignInThrottledException extends SecurityException implements AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the window frees a slot, at least one: the {@code Retry-After} value. */
    long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** The same wait in whole minutes, rounded up, for people. */
    long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }
}
