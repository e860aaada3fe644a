package dev.debrief.board;

import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.OpenWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Follow-up debt as Prometheus gauges on {@code /q/metrics}: {@code debrief_action_items{status}},
 * {@code debrief_action_items_overdue} and {@code debrief_writeups_overdue}. The scrape is anonymous, so the
 * figures are read from the database at most once per {@link #REFRESH} (six statements), not at every scrape.
 */
@ApplicationScoped
public class BoardMetrics {

    /** How long one reading of the figures is served; a Prometheus scrape interval is 15 to 60 s. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @Inject
    OpenWork work;

    @Inject
    TeamCalendar calendar;

    @Inject
    Clock clock;

    private Figures figures;

    /** One reading of every gauge, and when it was taken. */
    private record Figures(Instant at, Map<ActionItemStatus, Long> byStatus, long overdueItems,
            long overdueWriteUps) {
    }

    void register(@Observes StartupEvent event) {
        for (ActionItemStatus status : ActionItemStatus.values()) {
            Gauge.builder("debrief.action.items", () -> current().byStatus().get(status))
                    .description("Action items by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("debrief.action.items.overdue", () -> current().overdueItems())
                .description("Open action items past their due date (due today is not overdue)")
                .register(registry);
        Gauge.builder("debrief.writeups.overdue", () -> current().overdueWriteUps())
                .description("Unpublished post-mortems past their write-up due time")
                .register(registry);
    }

    /** The figures, read again when the last reading is older than {@link #REFRESH} (or the clock went back). */
    synchronized Figures current() {
        Instant now = clock.instant();
        if (figures == null || !now.isBefore(figures.at().plus(REFRESH)) || now.isBefore(figures.at())) {
            figures = QuarkusTransaction.requiringNew().call(() -> {
                Map<ActionItemStatus, Long> byStatus = new EnumMap<>(ActionItemStatus.class);
                for (ActionItemStatus status : ActionItemStatus.values()) {
                    byStatus.put(status, work.countItems(status));
                }
                return new Figures(now, byStatus, work.countOverdueItems(calendar.today()),
                        work.countOverdueWriteUps(now));
            });
        }
        return figures;
    }
}
