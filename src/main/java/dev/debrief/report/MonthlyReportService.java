package dev.debrief.report;

import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the monthly report with SQL aggregation: every figure is a GROUP BY over an indexed time column,
 * so the database returns one row per month rather than the post-mortems themselves, and the number of
 * statements is the same whatever the range or the amount of history (docs/metrics.md defines the figures).
 * Months are calendar months in the team's time zone, which the SQL applies with {@code AT TIME ZONE}.
 */
@ApplicationScoped
public class MonthlyReportService {

    static final String UNSPECIFIED = "UNSPECIFIED";

    /** A month index beyond any range: the "closed" month of an item that is still open. */
    static final int NEVER = 999_999;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    /** Filters of the report; null means "all". */
    public record Filter(Severity severity, String service) {
    }

    @Transactional
    public MonthlyReport report(YearMonth from, YearMonth to, Filter filter) {
        return report(from, to, filter, config.timeZone());
    }

    @Transactional
    public MonthlyReport report(YearMonth from, YearMonth to, Filter filter, ZoneId zone) {
        Sql sql = new Sql(zone, filter);
        Instant now = clock.instant();
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        YearMonth previousFrom = from.minusMonths(months);
        YearMonth previousTo = from.minusMonths(1);

        Map<Integer, Object[]> incidents = byMonth(sql.incidentsByMonth(), sql, from, to);
        Map<Integer, Object[]> published = byMonth(sql.publishedByMonth(), sql, from, to);
        Map<Integer, Object[]> created = byMonth(sql.itemsCreatedByMonth(), sql, from, to);
        Map<Integer, Object[]> completed = byMonth(sql.itemsCompletedByMonth(), sql, from, to);
        Map<Integer, Object[]> dropped = byMonth(sql.itemsDroppedByMonth(), sql, from, to);

        Map<Integer, Long> overdue = overdueAtMonthEnds(sql, previousFrom, to, now);

        List<MonthlyReport.Month> rows = new ArrayList<>();
        int i = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), i++) {
            int key = index(m);
            rows.add(new MonthlyReport.Month(m.toString(), figures(incidents.get(key), published.get(key),
                    created.get(key), completed.get(key), dropped.get(key), overdue.getOrDefault(key, 0L))));
        }
        MonthlyReport.Period totals = period(sql, from, to, zone, overdue.getOrDefault(index(to), 0L));
        MonthlyReport.Period previous = period(sql, previousFrom, previousTo, zone,
                overdue.getOrDefault(index(previousTo), 0L));

        Instant rangeEnd = min(start(to.plusMonths(1), zone), now);
        LocalDate endDate = rangeEnd.equals(now) ? now.atZone(zone).toLocalDate()
                : to.atEndOfMonth();
        Object last = sql.query("select max(p.started_at) from postmortem p where p.severity in ('SEV1', 'SEV2')"
                + " and p.started_at < :end" + sql.serviceOnly())
                .setParameter("end", at(rangeEnd)).getSingleResult();
        Long daysSince = last == null ? null
                : ChronoUnit.DAYS.between(instant(last).atZone(zone).toLocalDate(), endDate);
        @SuppressWarnings("unchecked")
        List<Object> majors = sql.query("select p.started_at from postmortem p where p.severity in ('SEV1', 'SEV2')"
                + " and p.started_at >= :start and p.started_at < :end" + sql.serviceOnly() + " order by p.started_at")
                .setParameter("start", at(start(from, zone))).setParameter("end", at(rangeEnd)).getResultList();
        long longest = 0;
        LocalDate previousDay = from.atDay(1).minusDays(1);
        for (Object major : majors) {
            LocalDate day = instant(major).atZone(zone).toLocalDate();
            longest = Math.max(longest, ChronoUnit.DAYS.between(previousDay, day) - 1);
            previousDay = day;
        }
        longest = Math.max(longest, ChronoUnit.DAYS.between(previousDay, endDate));
        return new MonthlyReport(from.toString(), to.toString(), zone.getId(), rows, totals, previous, daysSince,
                longest);
    }

    private MonthlyReport.Period period(Sql sql, YearMonth from, YearMonth to, ZoneId zone, long overdueAtEnd) {
        OffsetDateTime start = at(start(from, zone));
        OffsetDateTime end = at(start(to.plusMonths(1), zone));
        Object[] incidents = (Object[]) sql.query(sql.incidentsTotal()).setParameter("start", start)
                .setParameter("end", end).getSingleResult();
        Object[] published = (Object[]) sql.query(sql.publishedTotal()).setParameter("start", start)
                .setParameter("end", end).setParameter("window", config.writeUpWindow().toSeconds())
                .getSingleResult();
        Object[] items = (Object[]) sql.query(sql.itemsTotal()).setParameter("start", start)
                .setParameter("end", end).getSingleResult();
        Object[] created = {null, items[0], items[1], items[2], items[3]};
        Object[] completed = {null, items[4], items[5]};
        Object[] dropped = {null, items[6]};
        return new MonthlyReport.Period(from.toString(), to.toString(), figures(prefixed(incidents),
                prefixed(published), created, completed, dropped, overdueAtEnd));
    }

    private static Object[] prefixed(Object[] row) {
        Object[] shifted = new Object[row.length + 1];
        System.arraycopy(row, 0, shifted, 1, row.length);
        return shifted;
    }

    private Map<Integer, Object[]> byMonth(String statement, Sql sql, YearMonth from, YearMonth to) {
        Query query = sql.query(statement)
                .setParameter("start", at(start(from, sql.zone)))
                .setParameter("end", at(start(to.plusMonths(1), sql.zone)));
        if (statement.contains(":window")) {
            query.setParameter("window", config.writeUpWindow().toSeconds());
        }
        Map<Integer, Object[]> rows = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            rows.put(((Number) columns[0]).intValue(), columns);
        }
        return rows;
    }

    /**
     * Items open and past due at the end of each month from {@code first} to {@code last} (for the current
     * month: now), keyed by month index. An item is overdue at the end of month M when it was created by then,
     * was due before the next month began, and was neither completed nor dropped by then; with months
     * numbered, that is {@code overdueFrom <= M < closed}. One statement groups the items that can be overdue
     * in the range by those two months (index-driven: recent open items, and items closed since the range
     * began); items open since before the range are only counted, being overdue in every month of it. Running
     * sums give every month; a last statement counts what is overdue right now.
     */
    private Map<Integer, Long> overdueAtMonthEnds(Sql sql, YearMonth first, YearMonth last, Instant now) {
        int lo = index(first);
        int hi = index(last);
        Instant rangeStart = start(first, sql.zone);
        Instant rangeEnd = min(start(last.plusMonths(1), sql.zone), now);
        Query grouped = sql.query(sql.overdueSpans())
                .setParameter("rangeStart", at(rangeStart)).setParameter("rangeEnd", at(rangeEnd))
                .setParameter("rangeStartDay", first.atDay(1))
                .setParameter("lastDay", last.plusMonths(1).atDay(1));
        long[] opened = new long[hi - lo + 3];
        long[] closed = new long[hi - lo + 3];
        Number stillOpen = (Number) sql.query(sql.openFromBefore()).setParameter("rangeStart", at(rangeStart))
                .setParameter("rangeStartDay", first.atDay(1)).getSingleResult();
        opened[0] += stillOpen == null ? 0 : stillOpen.longValue();
        for (Object row : grouped.getResultList()) {
            Object[] columns = (Object[]) row;
            int from = Math.max(((Number) columns[0]).intValue(), lo - 1);
            int until = Math.min(((Number) columns[1]).intValue(), hi + 1);
            long count = ((Number) columns[2]).longValue();
            opened[from - lo + 1] += count;
            closed[until - lo + 1] += count;
        }
        Map<Integer, Long> overdue = new HashMap<>();
        long running = 0;
        for (int m = lo - 1; m <= hi; m++) {
            running += opened[m - lo + 1] - closed[m - lo + 1];
            if (m >= lo) {
                overdue.put(m, running);
            }
        }
        YearMonth current = YearMonth.from(now.atZone(sql.zone));
        if (!current.isAfter(last)) {
            Number openNow = (Number) sql.query(sql.overdueNow()).setParameter("now", at(now))
                    .setParameter("today", now.atZone(sql.zone).toLocalDate()).getSingleResult();
            overdue.put(index(current), openNow == null ? 0 : openNow.longValue());
        }
        return overdue;
    }

    private static Figures figures(Object[] incidents, Object[] published, Object[] created, Object[] completed,
            Object[] dropped, long overdue) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < severities.length; i++) {
            bySeverity.put(severities[i].name(), count(incidents, 2 + i));
        }
        Map<String, Long> sources = new LinkedHashMap<>();
        DetectionSource[] all = DetectionSource.values();
        for (int i = 0; i < all.length; i++) {
            sources.put(all[i].name(), count(incidents, 6 + i));
        }
        sources.put(UNSPECIFIED, count(incidents, 6 + all.length));
        int stats = 7 + all.length;
        Map<String, Long> byKind = new LinkedHashMap<>();
        ActionItemKind[] kinds = ActionItemKind.values();
        for (int i = 0; i < kinds.length; i++) {
            byKind.put(kinds[i].name(), count(created, 2 + i));
        }
        long publishedCount = count(published, 1);
        long within = count(published, 2);
        return new Figures(count(incidents, 1), bySeverity, decimal(incidents, stats), decimal(incidents, stats + 1),
                decimal(incidents, stats + 2), decimal(incidents, stats + 3), sources, publishedCount, within,
                publishedCount == 0 ? null : (double) within / publishedCount, count(created, 1),
                count(completed, 1), count(completed, 2), count(dropped, 1), overdue, byKind);
    }

    private static long count(Object[] row, int column) {
        return row == null || row[column] == null ? 0 : ((Number) row[column]).longValue();
    }

    private static Double decimal(Object[] row, int column) {
        return row == null || row[column] == null ? null : ((Number) row[column]).doubleValue();
    }

    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** The SQL of the report for one time zone and filter; the zone and filters are fixed per report. */
    final class Sql {

        final ZoneId zone;
        private final String tz;
        private final Filter filter;

        Sql(ZoneId zone, Filter filter) {
            this.zone = zone;
            String id = zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? "UTC"
                    : zone.getId();
            if (!id.matches("[A-Za-z][A-Za-z0-9_/+\\-]*")) {
                throw new IllegalArgumentException("The report needs a region time zone such as Europe/Berlin");
            }
            this.tz = "'" + id + "'";
            this.filter = filter == null ? new Filter(null, null) : filter;
        }

        private String local(String part, String column) {
            return "cast(extract(" + part + " from " + column + " at time zone " + tz + ") as integer)";
        }

        String month(String column) {
            return "(" + local("year", column) + " * 12 + " + local("month", column) + " - 1)";
        }

        String day(String column) {
            return "(" + local("year", column) + " * 10000 + " + local("month", column) + " * 100 + "
                    + local("day", column) + ")";
        }

        private static String dueDay() {
            return "(cast(extract(year from i.due_date) as integer) * 10000"
                    + " + cast(extract(month from i.due_date) as integer) * 100"
                    + " + cast(extract(day from i.due_date) as integer))";
        }

        private static String minutes(String later) {
            return "(extract(epoch from " + later + ") - extract(epoch from p.started_at)) / 60.0";
        }

        String filters() {
            StringBuilder where = new StringBuilder();
            if (filter.severity() != null) {
                where.append(" and p.severity = '").append(filter.severity().name()).append('\'');
            }
            return where.append(serviceOnly()).toString();
        }

        /** Items need their post-mortem only when a filter applies to it. */
        String itemJoin() {
            return filters().isEmpty() ? "" : " join postmortem p on p.id = i.postmortem_id";
        }

        String serviceOnly() {
            return filter.service() == null || filter.service().isBlank() ? ""
                    : " and exists (select 1 from postmortem_service s where s.postmortem_id = p.id"
                            + " and s.name = :service)";
        }

        private String incidentColumns() {
            StringBuilder columns = new StringBuilder("count(*)");
            for (Severity s : Severity.values()) {
                columns.append(", sum(case when p.severity = '").append(s.name()).append("' then 1 else 0 end)");
            }
            for (DetectionSource s : DetectionSource.values()) {
                columns.append(", sum(case when p.detection_source = '").append(s.name())
                        .append("' then 1 else 0 end)");
            }
            columns.append(", sum(case when p.detection_source is null then 1 else 0 end)");
            String ttd = minutes("p.detected_at");
            String ttr = minutes("p.resolved_at");
            columns.append(", avg(").append(ttd).append("), percentile_cont(0.5) within group (order by ")
                    .append(ttd).append(")");
            columns.append(", avg(").append(ttr).append("), percentile_cont(0.5) within group (order by ")
                    .append(ttr).append(")");
            return columns.toString();
        }

        String incidentsByMonth() {
            return "select " + month("p.started_at") + ", " + incidentColumns() + " from postmortem p"
                    + " where p.started_at >= :start and p.started_at < :end" + filters()
                    + " group by " + month("p.started_at");
        }

        String incidentsTotal() {
            return "select " + incidentColumns() + " from postmortem p"
                    + " where p.started_at >= :start and p.started_at < :end" + filters();
        }

        private static String publishedColumns() {
            return "count(*), sum(case when p.resolved_at is not null and extract(epoch from p.published_at)"
                    + " - extract(epoch from p.resolved_at) <= :window then 1 else 0 end)";
        }

        String publishedByMonth() {
            return "select " + month("p.published_at") + ", " + publishedColumns() + " from postmortem p"
                    + " where p.published_at >= :start and p.published_at < :end" + filters()
                    + " group by " + month("p.published_at");
        }

        String publishedTotal() {
            return "select " + publishedColumns() + " from postmortem p"
                    + " where p.published_at >= :start and p.published_at < :end" + filters();
        }

        private static String kindColumns(String condition) {
            StringBuilder columns = new StringBuilder();
            for (ActionItemKind k : ActionItemKind.values()) {
                columns.append(", sum(case when ").append(condition).append("i.kind = '").append(k.name())
                        .append("' then 1 else 0 end)");
            }
            return columns.toString();
        }

        String itemsCreatedByMonth() {
            return "select " + month("i.created_at") + ", count(*)" + kindColumns("")
                    + " from action_item i" + itemJoin()
                    + " where i.created_at >= :start and i.created_at < :end" + filters()
                    + " group by " + month("i.created_at");
        }

        private String onTime() {
            return "i.due_date is not null and " + day("i.completed_at") + " <= " + dueDay();
        }

        String itemsCompletedByMonth() {
            return "select " + month("i.completed_at") + ", count(*), sum(case when " + onTime()
                    + " then 1 else 0 end) from action_item i" + itemJoin()
                    + " where i.completed_at >= :start and i.completed_at < :end" + filters()
                    + " group by " + month("i.completed_at");
        }

        String itemsDroppedByMonth() {
            return "select " + month("i.dropped_at") + ", count(*)"
                    + " from action_item i" + itemJoin()
                    + " where i.dropped_at >= :start and i.dropped_at < :end" + filters()
                    + " group by " + month("i.dropped_at");
        }

        private static String dueMonth() {
            return "(cast(extract(year from i.due_date) as integer) * 12 + cast(extract(month from i.due_date) as integer) - 1)";
        }

        /**
         * Per item that may be overdue in the range: the month from whose end it is overdue (the later of its
         * creation month and its due month) and the month by whose end it was closed (or beyond the range),
         * counted. Candidates come from three index-driven selections; the caller clamps the months to the range.
         */
        String overdueSpans() {
            String candidates = "select i.* from action_item i where i.status in ('OPEN', 'IN_PROGRESS')"
                    + " and (i.created_at >= :rangeStart or i.due_date >= :rangeStartDay)"
                    + " union all select i.* from action_item i where i.completed_at >= :rangeStart"
                    + " union all select i.* from action_item i where i.dropped_at >= :rangeStart";
            // Items created and due before the range are overdue from before it: no need to convert their times.
            String from = "case when i.created_at < :rangeStart and i.due_date < :rangeStartDay then -1 else greatest("
                    + month("i.created_at") + ", " + dueMonth() + ") end";
            String until = "case when i.completed_at is not null then " + month("i.completed_at")
                    + " when i.dropped_at is not null then " + month("i.dropped_at") + " else " + NEVER + " end";
            return "select s.f, s.u, count(*) from (select " + from + " as f, " + until + " as u from ("
                    + candidates + ") i" + itemJoin()
                    + " where i.due_date < :lastDay and i.created_at < :rangeEnd" + filters() + ") s"
                    + " where s.f < s.u group by s.f, s.u";
        }

        /** Items still open that were created and due before the range: overdue in every month of it. */
        String openFromBefore() {
            return "select count(*) from action_item i" + itemJoin()
                    + " where i.status in ('OPEN', 'IN_PROGRESS') and i.due_date < :rangeStartDay"
                    + " and i.created_at < :rangeStart" + filters();
        }

        /** Items open now and due before today. */
        String overdueNow() {
            return "select count(*) from action_item i" + itemJoin()
                    + " where i.status in ('OPEN', 'IN_PROGRESS') and i.due_date < :today and i.created_at < :now"
                    + filters();
        }

        /** One index range per event (created, completed, dropped) in the period, tagged and summed. */
        String itemsTotal() {
            String events = "select 'C' as t, i.kind, i.due_date, i.completed_at from action_item i" + itemJoin()
                    + " where i.created_at >= :start and i.created_at < :end" + filters()
                    + " union all select 'D', i.kind, i.due_date, i.completed_at from action_item i" + itemJoin()
                    + " where i.completed_at >= :start and i.completed_at < :end" + filters()
                    + " union all select 'X', i.kind, i.due_date, i.completed_at from action_item i" + itemJoin()
                    + " where i.dropped_at >= :start and i.dropped_at < :end" + filters();
            StringBuilder sums = new StringBuilder("sum(case when i.t = 'C' then 1 else 0 end)");
            for (ActionItemKind k : ActionItemKind.values()) {
                sums.append(", sum(case when i.t = 'C' and i.kind = '").append(k.name()).append("' then 1 else 0 end)");
            }
            sums.append(", sum(case when i.t = 'D' then 1 else 0 end)");
            sums.append(", sum(case when i.t = 'D' and ").append(onTime()).append(" then 1 else 0 end)");
            sums.append(", sum(case when i.t = 'X' then 1 else 0 end)");
            return "select " + sums + " from (" + events + ") i";
        }

        Query query(String statement) {
            Query query = em.createNativeQuery(statement);
            if (statement.contains(":service")) {
                query.setParameter("service", filter.service().strip());
            }
            return query;
        }
    }
}
