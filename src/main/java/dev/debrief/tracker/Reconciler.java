package dev.debrief.tracker;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.RunGate;
import dev.debrief.postmortem.ActionItemStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the state of linked tickets back from their trackers and applies it (see {@link TicketStates}), so that a
 * webhook that never arrived is caught up within {@code debrief.tracker.poll-every}: every open ticket (for a close
 * missed), and the closed tickets of items done within {@link #REOPEN_WINDOW} (for a reopen missed; older ones are
 * taken as settled, so a run's work does not grow with the instance's history). One instance runs it per period
 * ({@link ReconcileLease}), a page of tickets at a time; a tracker that fails leaves its items as they are until the
 * next run.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** The period assumed for the lease when the schedule is off (tests run the job by hand). */
    private static final Duration DEFAULT_PERIOD = Duration.ofMinutes(15);

    /** How long after its item was done a closed ticket is still read back, in case it was reopened. */
    static final Duration REOPEN_WINDOW = Duration.ofDays(30);

    /** Tickets fetched from the database at a time. */
    private static final int PAGE = 100;

    private final RunGate gate = new RunGate();

    @Inject
    DebriefConfig config;

    @Inject
    ReconcileLease lease;

    @Inject
    Trackers trackers;

    @Inject
    TicketStates states;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What one run did: tickets read, items changed, tickets whose tracker failed; {@code ran} false if another instance holds the lease. */
    public record Outcome(boolean ran, int read, int changed, int failed) {
    }

    @Scheduled(every = "${debrief.tracker.poll-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        gate.runUnlessStopping(() -> {
            Outcome outcome = run();
            if (outcome.failed() > 0) {
                LOG.infof("Issue trackers: %d tickets read, %d items changed, %d not read (tracker failed)",
                        outcome.read(), outcome.changed(), outcome.failed());
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        gate.stop(Duration.ofSeconds(30));
    }

    public Outcome run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Held for nine tenths of a period: the instance that ran is free to run again at its next tick.
        Duration hold = period().multipliedBy(9).dividedBy(10);
        if (!lease.take(now, now.plus(hold))) {
            return new Outcome(false, 0, 0, 0);
        }
        Instant doneSince = now.minus(REOPEN_WINDOW);
        int read = 0;
        int changed = 0;
        int failed = 0;
        long after = 0;
        List<Object[]> page;
        do {
            page = ticketsToRead(after, doneSince);
            for (Object[] ticket : page) {
                after = (Long) ticket[0];
                Optional<Tracker> tracker = trackers.of((TrackerKind) ticket[1]);
                if (tracker.isEmpty() || !tracker.get().holds((String) ticket[3])) {
                    continue;
                }
                Tracker.RemoteTicket remote;
                try {
                    remote = tracker.get().read((String) ticket[2]);
                } catch (TrackerFailure e) {
                    failed++;
                    LOG.debugf("Reading ticket %d back failed: %s", after, e.getMessage());
                    continue;
                }
                read++;
                if (QuarkusTransaction.requiringNew().call(() -> states.receive(tracker.get().kind(), remote)
                        .orElse(false))) {
                    changed++;
                }
            }
        } while (page.size() == PAGE);
        return new Outcome(true, read, changed, failed);
    }

    /**
     * The next page of tickets to read, after the ticket {@code after} in id order: the open ones, and the closed
     * ones of items done since {@code doneSince}. A ticket this run changes keeps its place, so it is read once.
     */
    private List<Object[]> ticketsToRead(long after, Instant doneSince) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select t.id, t.tracker, t.remoteId,"
                        + " t.ticketKey from TrackerTicket t, ActionItem i where i.id = t.actionItemId"
                        + " and t.id > :after"
                        + " and (t.state = :open or (t.state = :closed and i.status = :done"
                        + " and i.completedAt >= :doneSince)) order by t.id", Object[].class)
                .setParameter("after", after).setParameter("open", TrackerTicket.State.OPEN)
                .setParameter("closed", TrackerTicket.State.CLOSED).setParameter("done", ActionItemStatus.DONE)
                .setParameter("doneSince", doneSince).setMaxResults(PAGE).getResultList());
    }

    /** {@code debrief.tracker.poll-every} as a duration ({@code 15m}, {@code PT15M}); the default when it is off. */
    Duration period() {
        String every = config.tracker().pollEvery().strip();
        try {
            return every.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(every)
                    : Duration.parse("PT" + every.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return DEFAULT_PERIOD;
        }
    }
}
