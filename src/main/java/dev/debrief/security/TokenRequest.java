package dev.debrief.security;

import static dev.debrief.common.Limited.TextKind.NAME;

import dev.debrief.common.Limited;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A new personal API token: a name to recognise it by, its scope, and optionally when it stops working. */
public record TokenRequest(
        @NotBlank @Limited(NAME) String name,
        @NotNull @Pattern(regexp = "read|write", message = "must be read or write") String scope,
        Instant expiresAt) {
}
