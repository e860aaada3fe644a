package dev.debrief.report;

import dev.debrief.postmortem.Severity;
import java.time.Instant;
import java.util.List;

/**
 * What came back within a window: the services and contributing factors of two or more incidents started in it,
 * most frequent first, each with the post-mortems behind it and how far their follow-up got. Names are the JSON
 * contract (docs/api.md, docs/weekly-review.md).
 */
public record Recurrence(int days, Instant from, Instant to, List<Recurring> services, List<Recurring> factors) {

    /** A service or factor seen {@code incidents} times; {@code id} is the factor's id, null for a service. */
    public record Recurring(Long id, String name, int incidents, int withOpenItems, List<Incident> postmortems) {
    }

    /**
     * A post-mortem behind a recurrence, and its action items: how many, how many done, dropped and still open;
     * {@code followedUp} when it has items and none is open any more.
     */
    public record Incident(Long id, String title, Severity severity, Instant startedAt, int actionItems,
            int actionItemsDone, int actionItemsDropped, int actionItemsOpen, boolean followedUp) {
    }
}
