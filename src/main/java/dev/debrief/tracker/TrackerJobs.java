package dev.debrief.tracker;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import dev.debrief.common.RunGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The trackers' work that waits in the database: the tickets publishing asked for
 * ({@code debrief.tracker.create-on-publish}, every {@code debrief.tracker.create-every}) and the closes the review
 * decided ({@code debrief.tracker.close-on-done}, every {@code debrief.tracker.close-every}). Each row is claimed by
 * whoever carries it out, so it is carried out once whatever the number of runs or instances; a tracker that fails
 * gets it again after the waits of {@code debrief.tracker.retry-waits}. Publishing, the review and the pages never
 * wait for a tracker.
 */
@ApplicationScoped
public class TrackerJobs {

    /** Rows one run looks at; more wait for the next run. */
    private static final int BATCH = 50;

    private final RunGate opening = new RunGate();

    private final RunGate closing = new RunGate();

    @Inject
    TicketClaims claims;

    @Inject
    TicketService tickets;

    @Inject
    TicketCloses closes;

    @Inject
    TicketCloser closer;

    /** What one run did: rows carried out, and rows that failed (or that another run took). */
    public record Outcome(int done, int notDone) {
    }

    @Scheduled(every = "${debrief.tracker.create-every}", delayed = "10s", concurrentExecution = SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledOpening() {
        opening.runUnlessStopping(this::openTickets);
    }

    @Scheduled(every = "${debrief.tracker.close-every}", delayed = "15s", concurrentExecution = SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledClosing() {
        closing.runUnlessStopping(this::closeTickets);
    }

    /** A run under way finishes before the beans it uses go away, so no claim is left to time out. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        opening.stop(Duration.ofSeconds(30));
        closing.stop(Duration.ofSeconds(30));
    }

    /** Opens the tickets due (see {@link TicketService#retry}). */
    public Outcome openTickets() {
        return run(claims.due(BATCH), tickets::retry);
    }

    /** Sends the closes due (see {@link TicketCloser}). */
    public Outcome closeTickets() {
        return run(closes.due(BATCH), closer::send);
    }

    private static Outcome run(List<Long> due, LongPredicate carryOut) {
        int done = 0;
        for (long id : due) {
            if (carryOut.test(id)) {
                done++;
            }
        }
        return new Outcome(done, due.size() - done);
    }
}
