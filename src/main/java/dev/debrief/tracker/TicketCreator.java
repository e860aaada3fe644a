package dev.debrief.tracker;

import dev.debrief.common.RunGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Opens the tickets that publishing asked for ({@code debrief.tracker.create-on-publish}), retrying a tracker that
 * fails with the waits of {@code debrief.tracker.retry-waits}. Each intent is claimed, so it is carried out once
 * whatever the number of instances; publishing and the pages never wait for a tracker.
 */
@ApplicationScoped
public class TicketCreator {

    /** Intents one run looks at; more wait for the next run. */
    private static final int BATCH = 50;

    private final RunGate gate = new RunGate();

    @Inject
    TicketClaims claims;

    @Inject
    TicketService tickets;

    /** What one run did: tickets opened and attempts that failed (or that another run took). */
    public record Outcome(int opened, int notOpened) {
    }

    @Scheduled(every = "${debrief.tracker.create-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        gate.runUnlessStopping(this::run);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        gate.stop(Duration.ofSeconds(30));
    }

    public Outcome run() {
        int opened = 0;
        int notOpened = 0;
        for (long id : claims.due(BATCH)) {
            if (tickets.retry(id)) {
                opened++;
            } else {
                notOpened++;
            }
        }
        return new Outcome(opened, notOpened);
    }
}
