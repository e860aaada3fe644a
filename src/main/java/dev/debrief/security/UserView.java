package dev.debrief.security;

import java.time.Instant;

/** A user as the API shows it; the password hash never leaves the service. */
public record UserView(String username, String role, Instant createdAt) {
}
