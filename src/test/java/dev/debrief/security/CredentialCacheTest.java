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
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR, "carol#0", "$2a$04$hash");
        assertThat(cache.lookup("carol", "right-password".toCharArray())).get()
                .extracting(CredentialCache.Entry::role).isEqualTo(Role.EDITOR);
        assertThat(cache.lookup("carol", "wrong-password".toCharArray())).isEmpty();
        assertThat(cache.lookup("dave", "right-password".toCharArray())).isEmpty();
    }

    @Test
    void forgetsAfterTheTtl() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR, "carol#0", "$2a$04$hash");
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(6)));
        assertThat(cache.lookup("carol", "right-password".toCharArray())).isEmpty();
    }

    @Test
    void byDefaultAnEntryIsNeverTrustedWithoutComparingItWithTheStoredUser() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR, "carol#0", "$2a$04$hash");
        CredentialCache.Entry entry = cache.lookup("carol", "right-password".toCharArray()).orElseThrow();

        assertThat(cache.isFresh(entry)).isFalse();
        cache.confirm("carol", entry, Role.VIEWER, "carol#1");
        CredentialCache.Entry confirmed = cache.lookup("carol", "right-password".toCharArray()).orElseThrow();
        assertThat(confirmed.role()).isEqualTo(Role.VIEWER);
        assertThat(confirmed.principalName()).isEqualTo("carol#1");
    }

    @Test
    void withARecheckIntervalAnEntryIsTrustedWithoutLookingForThatLongOnly() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR, "carol#0", "$2a$04$hash");
        CredentialCache.Entry entry = cache.lookup("carol", "right-password".toCharArray()).orElseThrow();
        assertThat(cache.isFresh(entry, Duration.ofSeconds(5))).isTrue();

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofSeconds(6)));
        assertThat(cache.isFresh(entry, Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void forgetsAUserAtOnceWhenAsked() {
        cache.remember("carol", "right-password".toCharArray(), Role.EDITOR, "carol#0", "$2a$04$hash");
        cache.forget("carol");
        assertThat(cache.lookup("carol", "right-password".toCharArray())).isEmpty();
    }
}
