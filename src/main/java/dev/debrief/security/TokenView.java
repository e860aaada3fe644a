package dev.debrief.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A personal API token as lists show it, never with its secret. {@code token} holds the secret in the answer to
 * its creation only, the one time it is shown.
 */
public record TokenView(Long id, String name, String scope, String username,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt) {

    TokenView withSecret(String secret) {
        return new TokenView(id, name, scope, username, secret, createdAt, expiresAt, lastUsedAt);
    }
}
