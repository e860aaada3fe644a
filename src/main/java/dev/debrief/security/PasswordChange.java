package dev.debrief.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of changing one's own password: the current one, as proof, and the new one ({@link PasswordPolicy}). */
public record PasswordChange(
        @NotNull String currentPassword,
        @NotNull @Size(min = PasswordPolicy.MIN_CHARACTERS, message = "must be at least 12 characters long")
        String newPassword) {
}
