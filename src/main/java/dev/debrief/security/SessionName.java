package dev.debrief.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
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

    /**
     * The session of a sign-in through the provider with the ID token {@code rawIdToken}: its id is drawn from the
     * token, so the same token cannot start a second session once the first has ended (a copy of the provider's
     * session cookie, whose token is still valid, after signing out). A new sign-in at the provider brings a new token.
     */
    static String fromToken(String principalName, String rawIdToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawIdToken.getBytes(StandardCharsets.UTF_8));
            return principalName + "#" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The parts of a session cookie's name, read from the end (a user name cannot hold a {@code #}, but were one to,
     * it stays part of the name); empty for a name without a session id (made before sessions had one).
     */
    static Optional<SessionName> of(String name) {
        int last = name.lastIndexOf('#');
        int before = last <= 0 ? -1 : name.lastIndexOf('#', last - 1);
        if (before <= 0 || last == name.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionName(name.substring(0, before),
                    Long.parseLong(name.substring(before + 1, last)), name.substring(last + 1)));
        } catch (NumberFormatException notAVersion) {
            return Optional.empty();
        }
    }
}
