package dev.debrief.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The name a page session's identity carries, {@code pat#3#k7Q...}: the user name, the credential version the
 * person signed in with, and the session's own random id. The encrypted session cookie keeps it, so a session ends
 * when the version moves on (a new password) or when its id is recorded as ended (signing out, {@link PageSessions}).
 */
record SessionName(String username, long credentialVersion, String id) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session for the identity named {@code principalName} ({@link AppUser#principalName()}). */
    static String start(String principalName) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return principalName + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The parts of a session cookie's name; empty for a name without a session id (made before sessions had one). */
    static Optional<SessionName> of(String name) {
        int first = name.indexOf('#');
        int second = first < 0 ? -1 : name.indexOf('#', first + 1);
        if (second < 0 || second == name.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionName(name.substring(0, first),
                    Long.parseLong(name.substring(first + 1, second)), name.substring(second + 1)));
        } catch (NumberFormatException notAVersion) {
            return Optional.empty();
        }
    }
}
