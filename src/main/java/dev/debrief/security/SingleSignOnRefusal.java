package dev.debrief.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why a person the provider vouched for may still not use Debrief. The login page shows the reason by its
 * {@link #code()}, never by text from the URL.
 */
final class SingleSignOnRefusal extends RuntimeException {

    enum Reason {
        /** Their role claim holds no mapped value and the operator refuses such people. */
        NO_ROLE,
        /** A local user already has their user name. */
        NAME_TAKEN,
        /** Their user name cannot be a Debrief user name (too long, a line break, a {@code #}). */
        BAD_NAME,
        /** The provider's session they came back with was signed out of in Debrief: a new sign-in is needed. */
        SIGNED_OUT
    }

    private final Reason reason;

    SingleSignOnRefusal(Reason reason, String username) {
        super("Single sign-on of '" + SignInThrottle.printable(username) + "' refused: " + reason, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    /** Whether {@code code} is the code of a reason, so the login page shows only its own texts. */
    static boolean isCode(String code) {
        return code != null && Arrays.stream(Reason.values())
                .anyMatch(reason -> codeOf(reason).equals(code));
    }

    /** The notice code of the login page: {@code no-role}, {@code name-taken}, {@code bad-name}, {@code signed-out}. */
    String code() {
        return codeOf(reason);
    }

    private static String codeOf(Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
