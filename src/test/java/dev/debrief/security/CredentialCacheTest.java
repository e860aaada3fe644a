package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CredentialCacheTest {

    @Inject
    CredentialCache cache;

    @Inject
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        cache.forget("carol");
    }

    @Test
    void remembersTheVerifiedPasswordOnly() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR);
        assertThat(cache.lookup("carol", "right-password".toCharArray())).contains(Role.EDITOR);
        assertThat(cache.lookup("carol", "wrong-password".toCharArray())).isEmpty();
        assertThat(cache.lookup("dave", "right-password".toCharArray())).isEmpty();
    }

    @Test
    void forgetsAfterTheTtl() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR);
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(6)));
        assertThat(cache.lookup("carol", "right-password".toCharArray())).isEmpty();
    }

    @Test
    void forgetsAUserAtOnceWhenAsked() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR);
        cache.forget("carol");
        assertThat(cache.lookup("carol", "right-password".toCharArray())).isEmpty();
    }
}
