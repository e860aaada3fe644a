package dev.debrief.notify;

import dev.debrief.board.Board;
import dev.debrief.board.BoardService;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.Display;
import dev.debrief.common.RunGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Sends the reminders that are due: the weekly digest before the review (from the configured day and time,
 * once per ISO week) and a notice for each item that became overdue and each write-up past its due time.
 * Each reminder goes once per channel, whatever the number of runs or instances (see {@link SentReminders});
 * a channel that fails leaves that reminder for the next run and never stops the others.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    BoardService boards;

    @Inject
    SentReminders sent;

    @Inject
    Instance<Channel> channels;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    Display display;

    /** What one run did, for logs and tests. */
    public record Outcome(int sent, int failed, int alreadySent) {
    }

    /** One reminder: its key (without the channel), subject and text. */
    record Reminder(String key, String subject, String text) {
    }

    private final RunGate gate = new RunGate();

    // The first run waits a little after start, so that an instance stopped right after starting (a deploy that
    // is rolled back, a test) is not shut down under a run.
    @Scheduled(every = "${debrief.reminders.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        gate.runUnlessStopping(() -> {
            Outcome outcome = run(gate::isStopping);
            if (outcome.sent() > 0 || outcome.failed() > 0) {
                LOG.infof("Reminders: %d sent, %d failed (retried next run)", outcome.sent(), outcome.failed());
            }
        });
    }

    /** A run under way finishes before the beans it uses go away: no half-sent reminder, no error in the log. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        gate.stop(Duration.ofSeconds(30));
    }

    public Outcome run() {
        return run(() -> false);
    }

    /**
     * Sends the reminders due until {@code stopping} says the application is going away: those not yet claimed are
     * left for the next run, anywhere, rather than claimed by an instance that will not live to send them.
     */
    Outcome run(BooleanSupplier stopping) {
        List<Channel> active = channels.stream().filter(Channel::configured).toList();
        if (active.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Instant now = clock.instant();
        LocalDate today = boards.today();
        Board board = boards.board(today, null, BoardService.Rows.ALL);
        List<Reminder> due = new ArrayList<>();
        digest(board, now).ifPresent(due::add);
        for (Board.ItemRow item : board.overdue()) {
            due.add(new Reminder("item-overdue:" + item.actionItemId() + ":" + item.dueDate(),
                    "Action item overdue: " + item.title(),
                    "\"" + item.title() + "\" (rank " + item.priority() + " of \"" + item.postmortemTitle()
                            + "\", owner " + owner(item.owner()) + ") was due " + item.dueDate() + ". Bring it to the "
                            + "weekly review: done, re-dated with a reason, or dropped."));
        }
        for (Board.WriteUpRow writeUp : board.overdueWriteUps()) {
            due.add(writeUpOverdue(writeUp, display.writeUpWindow()));
        }
        int sentCount = 0;
        int failed = 0;
        int skipped = 0;
        for (Reminder reminder : due) {
            for (Channel channel : active) {
                if (stopping.getAsBoolean()) {
                    return new Outcome(sentCount, failed, skipped);
                }
                String key = reminder.key() + ":" + channel.name();
                // Stamped when claimed, not when the run began: a run held up by slow channels must not leave
                // claims that look abandoned to another instance while this one is still sending.
                Instant claimedAt = clock.instant();
                if (!sent.claim(key, claimedAt)) {
                    skipped++;
                    continue;
                }
                try {
                    channel.send(reminder.subject(), reminder.text());
                    sent.markSent(key, clock.instant());
                    sentCount++;
                } catch (InterruptedException e) {
                    sent.release(key, claimedAt);
                    Thread.currentThread().interrupt();
                    return new Outcome(sentCount, failed + 1, skipped);
                } catch (Exception e) {
                    sent.release(key, claimedAt);
                    failed++;
                    LOG.warnf("Reminder %s could not be sent by %s: %s", reminder.key(), channel.name(),
                            e.getMessage());
                }
            }
        }
        return new Outcome(sentCount, failed, skipped);
    }

    private Optional<Reminder> digest(Board board, Instant now) {
        ZonedDateTime local = now.atZone(config.timeZone());
        LocalDate digestDay = local.toLocalDate().with(TemporalAdjusters.previousOrSame(config.reminders().digestDay()));
        if (local.isBefore(digestDay.atTime(config.reminders().digestTime()).atZone(config.timeZone()))) {
            return Optional.empty();
        }
        String week = String.format("%d-W%02d", digestDay.get(IsoFields.WEEK_BASED_YEAR),
                digestDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Map<String, List<String>> byOwner = new TreeMap<>();
        for (Board.ItemRow item : board.overdue()) {
            byOwner.computeIfAbsent(owner(item.owner()), k -> new ArrayList<>())
                    .add("OVERDUE " + item.daysOverdue() + " d: " + item.title() + " (" + item.postmortemTitle() + ")");
        }
        for (Board.ItemRow item : board.dueThisWeek()) {
            byOwner.computeIfAbsent(owner(item.owner()), k -> new ArrayList<>())
                    .add("due " + item.dueDate() + ": " + item.title() + " (" + item.postmortemTitle() + ")");
        }
        StringBuilder text = new StringBuilder("Before this week's review: ").append(board.counts().overdue())
                .append(" overdue, ").append(board.counts().dueThisWeek()).append(" due this week, ")
                .append(board.counts().overdueWriteUps()).append(" write-ups overdue.\n");
        byOwner.forEach((owner, lines) -> {
            text.append('\n').append(owner).append(":\n");
            lines.forEach(line -> text.append("  - ").append(line).append('\n'));
        });
        if (!board.overdueWriteUps().isEmpty()) {
            text.append("\nWrite-ups overdue:\n");
            board.overdueWriteUps().forEach(w -> text.append("  - ").append(w.title()).append(" (")
                    .append(w.hoursOverdue()).append(" h)\n"));
        }
        return Optional.of(new Reminder("digest:" + week, "Weekly review digest " + week, text.toString()));
    }

    /** The notice for a write-up past its due time, which is {@code window} ("48 h" by default) after resolution. */
    static Reminder writeUpOverdue(Board.WriteUpRow writeUp, String window) {
        return new Reminder("writeup-overdue:" + writeUp.postmortemId(), "Post-mortem write-up overdue: "
                + writeUp.title(), "The write-up of \"" + writeUp.title() + "\" was due " + writeUp.writeUpDueAt()
                + " (" + window + " after resolution) and is still a draft.");
    }

    private static String owner(String owner) {
        return owner == null || owner.isBlank() ? "(no owner)" : owner;
    }
}
