package dev.debrief.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a strong session key. On the embedded H2 file database {@link SessionKeySource}
 * always supplies one; elsewhere (PostgreSQL, usually with several instances) the operator must set the same
 * key on every instance, or each would sign out everyone signed in through the others.
 */
@ApplicationScoped
public class SessionKeyCheck {

    static final int MIN_LENGTH = 32;
    static final String VARIABLE = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    @ConfigProperty(name = SessionKeySource.KEY)
    Optional<String> key;

    void onStart(@Observes StartupEvent event) {
        problemWith(key).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    static Optional<String> problemWith(Optional<String> key) {
        if (key.isEmpty() || key.get().isBlank()) {
            return Optional.of(VARIABLE + " is not set. With a database other than the embedded H2 file, set it to a "
                    + "random string of at least " + MIN_LENGTH + " characters, the same on every instance "
                    + "(for example: openssl rand -base64 32). See docs/operations.md, Sessions.");
        }
        if (key.get().length() < MIN_LENGTH) {
            return Optional.of(VARIABLE + " is too short (" + key.get().length() + " characters); use a random "
                    + "string of at least " + MIN_LENGTH + " characters (for example: openssl rand -base64 32).");
        }
        return Optional.empty();
    }
}
