package dev.debrief.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A user's new role. */
public record RoleChange(
        @NotNull @Pattern(regexp = "(?i)viewer|editor|admin", message = "must be viewer, editor or admin") String role) {
}
