package dev.debrief.tracker;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.RunGate;
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
 * Reads the state of every linked open ticket back from its tracker and applies it (see {@link TicketStates}), so
 * that a webhook that never arrived is caught up within {@code debrief.tracker.poll-every}. One instance runs it per
 * period ({@link ReconcileLease}); a tracker that fails leaves its items as they are until the next run.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    /** The period assumed for the lease when the schedule is off (tests run the job by hand). */
    private static final Duration DEFAULT_PERIOD = Duration.ofMinutes(15);

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
        int read = 0;
        int changed = 0;
        int failed = 0;
        for (Object[] open : openTickets()) {
            long ticketId = (Long) open[0];
            Optional<Tracker> tracker = trackers.of((TrackerKind) open[1]);
            if (tracker.isEmpty()) {
                continue;
            }
            Tracker.RemoteTicket remote;
            try {
                remote = tracker.get().read((String) open[2]);
            } catch (TrackerFailure e) {
                failed++;
                LOG.debugf("Reading ticket %d back failed: %s", ticketId, e.getMessage());
                continue;
            }
            read++;
            if (QuarkusTransaction.requiringNew().call(() -> states.receive(tracker.get().kind(), remote)
                    .orElse(false))) {
                changed++;
            }
        }
        return new Outcome(true, read, changed, failed);
    }

    private List<Object[]> openTickets() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select t.id, t.tracker, t.remoteId"
                        + " from TrackerTicket t where t.state = :open order by t.id", Object[].class)
                .setParameter("open", TrackerTicket.State.OPEN).getResultList());
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
