package dev.debrief.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a scheduled job run once at a time and lets shutdown wait for a run under way, so that a run does not lose
 * the beans it uses halfway (a half-sent reminder, a claimed delivery left to time out, an error in the log).
 */
public final class RunGate {

    private final Semaphore running = new Semaphore(1);
    private volatile boolean stopping;

    /** Runs {@code job} unless another run is under way or the application is stopping. */
    public void runUnlessStopping(Runnable job) {
        if (stopping || !running.tryAcquire()) {
            return;
        }
        try {
            job.run();
        } finally {
            running.release();
        }
    }

    /** Whether the application is stopping: a long run checks it between steps and ends early, leaving the rest. */
    public boolean isStopping() {
        return stopping;
    }

    /** Refuses further runs and waits up to {@code wait} for the one under way. */
    public void stop(Duration wait) throws InterruptedException {
        stopping = true;
        if (running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            running.release();
        }
    }
}
