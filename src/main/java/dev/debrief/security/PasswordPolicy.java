package dev.debrief.security;

import dev.debrief.common.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be, for new users, changes, resets and {@code DEBRIEF_ADMIN_PASSWORD} alike: at least 12
 * characters, at most 72 bytes in UTF-8 (bcrypt ignores the rest), not the user name, and not one of the
 * {@link CommonPasswords}.
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** What is wrong with {@code password} for {@code username}, each naming {@code field}; empty when it may be used. */
    static List<FieldError> problems(String field, String username, String password) {
        List<FieldError> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_CHARACTERS) {
            problems.add(new FieldError(field, "must be at least " + MIN_CHARACTERS + " characters long"));
            return problems;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new FieldError(field, "must be at most " + MAX_BYTES
                    + " bytes in UTF-8: bcrypt ignores anything longer"));
        }
        if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldError(field, "must not be the user name"));
        }
        if (CommonPasswords.contains(password)) {
            problems.add(new FieldError(field, "is one of the 10,000 most common passwords; choose another"));
        }
        return problems;
    }
}
