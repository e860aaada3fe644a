package dev.debrief.report;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.Severity;
import dev.debrief.postmortem.NamedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Recurrence over the last {@code days} days (docs/weekly-review.md): at most three statements whatever the window or the
 * data, the services of the incidents started in it, their factors, and the action items of those behind a
 * recurrence. Filters by team and tag as the report does.
 */
@ApplicationScoped
public class RecurrenceService {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 3660;

    @Inject
    Session session;

    @Inject
    Clock clock;

    /** The window in days from a query parameter: 90 when absent, 1 to {@link #MAX_DAYS}. */
    public static int days(String value) {
        return QueryParams.intValue("days", value, DEFAULT_DAYS, 1, MAX_DAYS);
    }

    @Transactional
    public Recurrence recurrence(int days, String team, String tag) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidFieldsException.of("days", "must be between 1 and " + MAX_DAYS);
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = to.minus(Duration.ofDays(days));
        Map<String, Set<Long>> byService = new LinkedHashMap<>();
        for (ReportSql.Row row : window(new ReportSql(session, "UTC").sql("select s.name as name, p.id as id"
                + " from postmortem p join postmortem_service s on s.postmortem_id = p.id where "), from, to, team, tag)
                .rows()) {
            byService.computeIfAbsent(row.text("name"), n -> new LinkedHashSet<>()).add(row.count("id"));
        }
        Map<Long, String> factorNames = new HashMap<>();
        Map<Long, Set<Long>> byFactor = new LinkedHashMap<>();
        for (ReportSql.Row row : window(new ReportSql(session, "UTC").sql("select fa.id as factor_id,"
                + " fa.name as name, p.id as id from postmortem p join postmortem_factor pf on pf.postmortem_id = p.id"
                + " join factor fa on fa.id = pf.factor_id where "), from, to, team, tag).rows()) {
            factorNames.put(row.count("factor_id"), row.text("name"));
            byFactor.computeIfAbsent(row.count("factor_id"), n -> new LinkedHashSet<>()).add(row.count("id"));
        }
        byService.values().removeIf(ids -> ids.size() < 2);
        byFactor.values().removeIf(ids -> ids.size() < 2);
        Set<Long> behind = new LinkedHashSet<>();
        byService.values().forEach(behind::addAll);
        byFactor.values().forEach(behind::addAll);
        Map<Long, Recurrence.Incident> incidents = incidents(behind);
        List<Recurrence.Recurring> services = new ArrayList<>();
        byService.forEach((name, ids) -> services.add(recurring(null, name, ids, incidents)));
        List<Recurrence.Recurring> factors = new ArrayList<>();
        byFactor.forEach((id, ids) -> factors.add(recurring(id, factorNames.get(id), ids, incidents)));
        Comparator<Recurrence.Recurring> order = Comparator.comparingInt(Recurrence.Recurring::incidents).reversed()
                .thenComparing(Recurrence.Recurring::name);
        services.sort(order);
        factors.sort(order);
        return new Recurrence(days, from, to, services, factors);
    }

    private static ReportSql window(ReportSql sql, Instant from, Instant to, String team, String tag) {
        sql.sql("p.started_at >= :from and p.started_at <= :to").bind("from", from).bind("to", to);
        if (team != null && !team.isBlank()) {
            sql.sql(" and p.team_id in (select t.id from team t where t.name_key = :team)")
                    .bind("team", NamedEntry.keyOf(team));
        }
        if (tag != null && !tag.isBlank()) {
            sql.sql(" and exists (select 1 from postmortem_tag g where g.postmortem_id = p.id and g.tag = :tag)")
                    .bind("tag", IncidentDocument.tag(tag));
        }
        return sql;
    }

    /** The post-mortems behind the recurrences with their items counted: one statement, none when there is none. */
    private Map<Long, Recurrence.Incident> incidents(Set<Long> ids) {
        Map<Long, Recurrence.Incident> incidents = new HashMap<>();
        if (ids.isEmpty()) {
            return incidents;
        }
        List<ReportSql.Row> rows = new ReportSql(session, "UTC").sql("select p.id as id, p.title as title,"
                        + " p.severity as severity, p.started_at as started_at, count(i.id) as items,"
                        + " sum(case when i.status = :done then 1 else 0 end) as done,"
                        + " sum(case when i.status = :dropped then 1 else 0 end) as dropped"
                        + " from postmortem p left join action_item i on i.postmortem_id = p.id"
                        + " where p.id in (:ids) group by p.id, p.title, p.severity, p.started_at")
                .bind("done", ActionItemStatus.DONE.name()).bind("dropped", ActionItemStatus.DROPPED.name())
                .bind("ids", List.copyOf(ids)).rows();
        for (ReportSql.Row row : rows) {
            int items = (int) row.count("items");
            int done = (int) row.count("done");
            int dropped = (int) row.count("dropped");
            int open = items - done - dropped;
            incidents.put(row.count("id"), new Recurrence.Incident(row.count("id"), row.text("title"),
                    Severity.valueOf(row.text("severity")), row.instant("started_at"), items, done, dropped, open,
                    items > 0 && open == 0));
        }
        return incidents;
    }

    private static Recurrence.Recurring recurring(Long id, String name, Set<Long> ids,
            Map<Long, Recurrence.Incident> incidents) {
        List<Recurrence.Incident> behind = ids.stream().map(incidents::get)
                .sorted(Comparator.comparing(Recurrence.Incident::startedAt).reversed()
                        .thenComparing(Recurrence.Incident::id))
                .toList();
        int withOpen = (int) behind.stream().filter(i -> i.actionItemsOpen() > 0).count();
        return new Recurrence.Recurring(id, name, behind.size(), withOpen, behind);
    }
}
