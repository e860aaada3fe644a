package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding window of failures behind {@link SignInThrottle}, and its bound on memory. */
class SignInFailuresTest {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final SignInThrottle.Failures failures = new SignInThrottle.Failures();

    @Test
    void theWaitLastsUntilTheOldestFailureLeavesTheWindow() {
        failures.add("key", 3, T0, WINDOW);
        failures.add("key", 3, T0.plusSeconds(60), WINDOW);
        assertThat(failures.add("key", 3, T0.plusSeconds(120), WINDOW)).as("reached the limit").isTrue();

        assertThat(failures.wait("key", 3, T0.plusSeconds(180), WINDOW)).isEqualTo(WINDOW.minusSeconds(180));
        assertThat(failures.wait("key", 3, T0.plus(WINDOW), WINDOW)).isZero();
    }

    @Test
    void otherKeysAreUnaffected() {
        for (int i = 0; i < 3; i++) {
            failures.add("key", 3, T0, WINDOW);
        }

        assertThat(failures.wait("other", 3, T0, WINDOW)).isZero();
    }

    @Test
    void atTheCapTheKeyWhoseLastFailureIsOldestIsForgotten() {
        for (int i = 0; i < 3; i++) {
            failures.add("stalest", 3, T0, WINDOW);
        }
        for (int key = 0; key < SignInThrottle.MAX_TRACKED; key++) {
            failures.add("name-" + key, 3, T0.plusSeconds(1), WINDOW);
        }

        assertThat(failures.wait("stalest", 3, T0.plusSeconds(1), WINDOW)).isZero();
        assertThat(failures.wait("name-0", 1, T0.plusSeconds(1), WINDOW)).isPositive();
    }
}
