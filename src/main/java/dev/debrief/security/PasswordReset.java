package dev.debrief.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of an admin's reset of another user's password ({@link PasswordPolicy}). */
public record PasswordReset(
        @NotNull @Size(min = PasswordPolicy.MIN_CHARACTERS, message = "must be at least 12 characters long")
        String newPassword) {
}
