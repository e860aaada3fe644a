package dev.debrief.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

/** A new user: lower-case name, a password (see {@link PasswordPolicy}), and one role. */
public record UserRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}",
                message = "must be 1 to 64 lower-case letters, digits, '.', '_' or '-'") String username,
        @NotNull @Size(min = PasswordPolicy.MIN_CHARACTERS, message = "must be at least 12 characters long")
        String password,
        @NotNull @Pattern(regexp = "(?i)viewer|editor|admin", message = "must be viewer, editor or admin") String role) {
}
