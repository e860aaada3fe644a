package dev.debrief.tracker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks of what proves that a delivery comes from the tracker: compared in constant time, never logged. */
final class HookSecrets {

    private HookSecrets() {
    }

    /** Whether {@code given} is {@code sha256=} and the hex HMAC-SHA256 of {@code body} under {@code secret}. */
    static boolean signed(Optional<String> secret, String given, byte[] body) {
        if (secret.isEmpty() || secret.get().isEmpty() || given == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return same(expected, given.strip().toLowerCase(Locale.ROOT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether {@code given} is the configured shared secret. */
    static boolean matches(Optional<String> secret, String given) {
        return secret.isPresent() && !secret.get().isEmpty() && given != null && same(secret.get(), given);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
