package dev.debrief.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords (the head of the list zxcvbn ships, MIT licence), bundled as
 * {@code security/common-passwords.txt} and read at the first password check, not at start.
 */
final class CommonPasswords {

    private static final String RESOURCE = "/security/common-passwords.txt";

    private CommonPasswords() {
    }

    /** Whether {@code password}, ignoring case, is one of them. */
    static boolean contains(String password) {
        return Loaded.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Holds the list; the class loads, and reads the file, when a password is first checked. */
    private static final class Loaded {

        static final Set<String> PASSWORDS = read();

        private static Set<String> read() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                Set<String> passwords = new HashSet<>(16_384);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        passwords.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCE, e);
            }
        }
    }
}
