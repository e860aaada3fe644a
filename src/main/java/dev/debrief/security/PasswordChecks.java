package dev.debrief.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the bcrypt checks of sign-ins a few at a time. bcrypt is slow on purpose (about 0.25 s of a core at
 * cost 12), so unlimited checks let a flood of wrong passwords occupy every core and every worker thread, and
 * requests with a remembered credential or a session wait behind them. Here at most
 * {@code debrief.security.hashing-threads} checks run at once and {@code hashing-queue} more wait their turn;
 * a check beyond that is refused at once (429 with Retry-After), without hashing anything.
 */
@ApplicationScoped
public class PasswordChecks {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final AtomicInteger admitted = new AtomicInteger();
    private volatile Semaphore running;
    private volatile int capacity;

    @Inject
    SecurityConfig config;

    PasswordChecks() {
    }

    /** For tests: {@code threads} checks at once, {@code queue} more waiting. */
    PasswordChecks(int threads, int queue) {
        limit(threads, queue);
    }

    /** Whether {@code password} matches {@code hash}; refused with 429 when too many checks are under way. */
    boolean matches(String password, String hash) {
        if (running == null) {
            SecurityConfig security = config;
            limit(security.hashingThreads().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
                    security.hashingQueue());
        }
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw new SignInThrottledException(RETRY_AFTER);
        }
        try {
            running.acquireUninterruptibly();
            try {
                return BcryptUtil.matches(password, hash);
            } finally {
                running.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    private synchronized void limit(int threads, int queue) {
        if (running == null) {
            capacity = threads + queue;
            running = new Semaphore(threads, true);
        }
    }
}
