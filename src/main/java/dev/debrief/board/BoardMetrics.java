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
import java.util.function.Supplier;

/**
 * Follow-up debt as Prometheus gauges on {@code /q/metrics}, read from the database at each scrape:
 * {@code debrief_action_items{status}}, {@code debrief_action_items_overdue} and
 * {@code debrief_writeups_overdue}.
 */
@ApplicationScoped
public class BoardMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OpenWork work;

    @Inject
    TeamCalendar calendar;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent event) {
        for (ActionItemStatus status : ActionItemStatus.values()) {
            Gauge.builder("debrief.action.items", () -> count(() -> work.countItems(status)))
                    .description("Action items by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        Gauge.builder("debrief.action.items.overdue", () -> count(() -> work.countOverdueItems(calendar.today())))
                .description("Open action items past their due date (due today is not overdue)")
                .register(registry);
        Gauge.builder("debrief.writeups.overdue", () -> count(() -> work.countOverdueWriteUps(clock.instant())))
                .description("Unpublished post-mortems past their write-up due time")
                .register(registry);
    }

    private static double count(Supplier<Long> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
