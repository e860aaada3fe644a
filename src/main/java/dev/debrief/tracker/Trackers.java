package dev.debrief.tracker;

import dev.debrief.common.DebriefConfig;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured trackers, and the one new tickets go to: the only one configured, or with several the one
 * {@code debrief.tracker.default} names (else the first of GitHub, GitLab, Jira). Tickets already linked keep their tracker whatever the choice.
 */
@ApplicationScoped
class Trackers {

    @Inject
    DebriefConfig config;

    @Inject
    @All
    List<Tracker> all;

    /** The tracker new tickets go to, if any is configured. */
    Optional<Tracker> forNewTickets() {
        List<Tracker> configured = all.stream().filter(Tracker::configured)
                .sorted(Comparator.comparing(Tracker::kind)).toList();
        if (configured.size() <= 1) {
            return configured.stream().findFirst();
        }
        Optional<TrackerKind> preferred = config.tracker().preferred().flatMap(TrackerKind::named);
        return configured.stream().filter(t -> preferred.isPresent() && t.kind() == preferred.get()).findFirst()
                .or(() -> configured.stream().findFirst());
    }

    /** The names of the configured trackers, for a message ({@code none} when there is none). */
    String configuredNames() {
        String names = all.stream().filter(Tracker::configured).sorted(Comparator.comparing(Tracker::kind))
                .map(t -> t.kind().wireName()).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /** The tracker of this kind, if configured (a linked ticket's tracker may since have been switched off). */
    Optional<Tracker> of(TrackerKind kind) {
        return all.stream().filter(t -> t.kind() == kind && t.configured()).findFirst();
    }
}
