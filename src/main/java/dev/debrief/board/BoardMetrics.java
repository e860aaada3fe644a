package dev.debrief.board;

import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.TeamFigures;
import dev.debrief.postmortem.PostMortemEvents;
import dev.debrief.postmortem.TeamService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Follow-up debt as Prometheus gauges on {@code /q/metrics}, per owning team: {@code debrief_action_items{status,
 * team}}, {@code debrief_action_items_overdue{team}} and {@code debrief_writeups_overdue{team}}; {@code team=""}
 * counts what belongs to no team, so a sum over {@code team} is the instance's total. The scrape is anonymous, so
 * the figures are read from the database at most once per {@link #REFRESH} (three statements), not at every scrape.
 * Every team has a series of each gauge, zeros included. The series are registered at start-up and again when a
 * team is added, renamed or removed, never while a scrape reads them (a series added during a scrape would be
 * written twice, or half): at once for a change made here, within {@link #REFRESH} for one made by another instance
 * on the same database or by an instance import.
 */
@ApplicationScoped
public class BoardMetrics {

    /** How long one reading of the figures is served; a Prometheus scrape interval is 15 to 60 s. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    /** The label of what belongs to no team. */
    static final String NO_TEAM = "";

    @Inject
    MeterRegistry registry;

    @Inject
    TeamFigures teamFigures;

    @Inject
    TeamService teams;

    @Inject
    TeamCalendar calendar;

    @Inject
    Clock clock;

    private Figures figures;

    /** The teams whose series are registered. */
    private List<String> publishedTeams = List.of();

    private MultiGauge items;
    private MultiGauge overdueItems;
    private MultiGauge overdueWriteUps;

    /** One reading of every gauge, and when it was taken; keys are team labels. */
    private record Figures(Instant at, Map<String, Map<ActionItemStatus, Long>> byStatus,
            Map<String, Long> overdueItems, Map<String, Long> overdueWriteUps) {

        long items(String team, ActionItemStatus status) {
            return byStatus.getOrDefault(team, Map.of()).getOrDefault(status, 0L);
        }
    }

    void register(@Observes StartupEvent event) {
        items = MultiGauge.builder("debrief.action.items").description("Action items by status and owning team")
                .register(registry);
        overdueItems = MultiGauge.builder("debrief.action.items.overdue")
                .description("Open action items past their due date (due today is not overdue), by owning team")
                .register(registry);
        overdueWriteUps = MultiGauge.builder("debrief.writeups.overdue")
                .description("Unpublished post-mortems past their write-up due time, by owning team")
                .register(registry);
        publish();
    }

    /** A team was added, renamed or removed: its series follow, once the change is committed. */
    void teamChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostMortemEvents.TeamChanged event) {
        republish();
    }

    private void republish() {
        publish();
        synchronized (this) {
            figures = null;
        }
    }

    /** Teams changed elsewhere (another instance, an instance import): their series follow within a refresh. */
    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void followTeams() {
        List<String> names = QuarkusTransaction.requiringNew().call(teams::names);
        synchronized (this) {
            if (names.equals(publishedTeams)) {
                return;
            }
        }
        republish();
    }

    /** The figures, read again when the last reading is older than {@link #REFRESH} (or the clock went back). */
    synchronized Figures current() {
        Instant now = clock.instant();
        if (figures == null || !now.isBefore(figures.at().plus(REFRESH)) || now.isBefore(figures.at())) {
            figures = QuarkusTransaction.requiringNew().call(() -> read(now));
        }
        return figures;
    }

    private Figures read(Instant now) {
        Map<String, Map<ActionItemStatus, Long>> byStatus = new HashMap<>();
        for (TeamFigures.TeamStatusCount row : teamFigures.countItemsByTeam()) {
            byStatus.computeIfAbsent(label(row.team()), t -> new HashMap<>()).put(row.status(), row.count());
        }
        return new Figures(now, byStatus, byTeam(teamFigures.countOverdueItemsByTeam(calendar.today())),
                byTeam(teamFigures.countOverdueWriteUpsByTeam(now)));
    }

    /** Registers one series per team (and status), removing those of teams that are gone. */
    private synchronized void publish() {
        List<String> names = QuarkusTransaction.requiringNew().call(teams::names);
        List<String> teamLabels = new ArrayList<>();
        teamLabels.add(NO_TEAM);
        teamLabels.addAll(names);
        publishedTeams = names;
        List<MultiGauge.Row<?>> itemRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> writeUpRows = new ArrayList<>();
        for (String team : teamLabels) {
            for (ActionItemStatus status : ActionItemStatus.values()) {
                itemRows.add(row(Tags.of("status", status.name(), "team", team), m -> m.current().items(team, status)));
            }
            overdueRows.add(row(Tags.of("team", team), m -> m.current().overdueItems().getOrDefault(team, 0L)));
            writeUpRows.add(row(Tags.of("team", team), m -> m.current().overdueWriteUps().getOrDefault(team, 0L)));
        }
        items.register(itemRows, true);
        overdueItems.register(overdueRows, true);
        overdueWriteUps.register(writeUpRows, true);
    }

    private MultiGauge.Row<BoardMetrics> row(Tags tags, ToDoubleFunction<BoardMetrics> value) {
        return MultiGauge.Row.of(tags, this, value);
    }

    private static Map<String, Long> byTeam(List<TeamFigures.TeamCount> counts) {
        Map<String, Long> byTeam = new HashMap<>();
        counts.forEach(c -> byTeam.put(label(c.team()), c.count()));
        return byTeam;
    }

    private static String label(String team) {
        return team == null ? NO_TEAM : team;
    }
}
