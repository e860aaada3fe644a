package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Password checks run a few at a time; a flood beyond the queue is refused without hashing. */
class PasswordChecksTest {

    private static final String HASH = BcryptUtil.bcryptHash("the-right-password", 12);

    @Test
    void aCheckIsAnsweredWhenThereIsRoom() {
        PasswordChecks checks = new PasswordChecks(1, 1);

        assertThat(checks.matches("the-right-password", HASH)).isTrue();
        assertThat(checks.matches("a-wrong-password", HASH)).isFalse();
    }

    @Test
    void beyondTheRunningAndWaitingChecksASignInIsRefusedAtOnce() throws Exception {
        PasswordChecks checks = new PasswordChecks(1, 1);
        int attempts = 8;
        ExecutorService flood = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            done.add(flood.submit(() -> {
                start.await();
                try {
                    checks.matches("a-wrong-password", HASH);
                } catch (SignInThrottledException e) {
                    refused.incrementAndGet();
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> attempt : done) {
            attempt.get(30, TimeUnit.SECONDS);
        }
        flood.shutdown();

        assertThat(refused.get()).as("one runs, one waits, the rest are refused").isBetween(attempts - 4, attempts - 2);
        assertThat(checks.matches("the-right-password", HASH)).as("room again afterwards").isTrue();
    }
}
