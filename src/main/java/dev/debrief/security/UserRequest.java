package dev.debrief.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user: lower-case name, a password of at least 10 characters, and one role. */
public record UserRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}",
                message = "must be 1 to 64 lower-case letters, digits, '.', '_' or '-'") String username,
        @NotNull @Size(min = 10, max = 72, message = "must be between 10 and 72 characters long") String password,
        @NotNull @Pattern(regexp = "(?i)viewer|editor|admin", message = "must be viewer, editor or admin") String role) {
}
