package dev.debrief.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the latest export or import of this instance stands, for the admin page: which table, how many rows of
 * how many, and how it ended. The log says the same, table by table.
 */
@ApplicationScoped
public class TransferProgress {

    /** One export or import: {@code total} is 0 where the row count is not known in advance (an export). */
    public record Status(String kind, String table, int tablesDone, int tables, long rows, long total,
            Instant startedAt, Instant finishedAt, Map<String, Integer> result, String error) {

        public boolean isRunning() {
            return finishedAt == null;
        }

        public boolean isFailed() {
            return error != null;
        }

        /** Percent done, by rows where their total is known and by tables otherwise. */
        public int percent() {
            if (total > 0) {
                return (int) Math.min(100, rows * 100 / total);
            }
            return tables == 0 ? 0 : tablesDone * 100 / tables;
        }
    }

    @Inject
    Clock clock;

    private final AtomicReference<Status> latest = new AtomicReference<>();

    /** The latest transfer, or null when there has been none since this instance started. */
    public Status latest() {
        return latest.get();
    }

    /** Starts recording a transfer; false (and nothing recorded) when another one is running. */
    boolean start(String kind, int tables, long total) {
        Status running = new Status(kind, "", 0, tables, 0, total, clock.instant(), null, Map.of(), null);
        Status current = latest.get();
        if (current != null && current.isRunning()) {
            return false;
        }
        return latest.compareAndSet(current, running);
    }

    void advance(String table, int tablesDone, long rows) {
        latest.updateAndGet(s -> new Status(s.kind(), table, tablesDone, s.tables(), rows, s.total(), s.startedAt(),
                null, Map.of(), null));
    }

    void finish(Map<String, Integer> result) {
        latest.updateAndGet(s -> new Status(s.kind(), "", s.tables(), s.tables(), s.total() > 0 ? s.total() : s.rows(),
                s.total(), s.startedAt(), clock.instant(), Map.copyOf(result), null));
    }

    void fail(String error) {
        latest.updateAndGet(s -> new Status(s.kind(), s.table(), s.tablesDone(), s.tables(), s.rows(), s.total(),
                s.startedAt(), clock.instant(), Map.of(), error));
    }
}
