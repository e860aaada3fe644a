package dev.debrief.report;

import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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

    // Columns of an incidents row: the month, the count, the count per severity, per detection source and
    // without one, the sum and count of the times to detect and to resolve (microseconds), and their medians.
    static final int SEVERITIES_AT = 2;
    static final int SOURCES_AT = SEVERITIES_AT + Severity.values().length;
    static final int SUM_TTD = SOURCES_AT + DetectionSource.values().length + 1;
    static final int SUM_TTR = SUM_TTD + 2;
    static final int MEDIAN_TTD = SUM_TTR + 2;
    static final int MEDIAN_TTR = MEDIAN_TTD + 1;
    static final int INCIDENT_COLUMNS = MEDIAN_TTR + 1;

    private static final double MICROS_PER_MINUTE = 60_000_000.0;

    /** The statuses of an item still open, as SQL literals: what {@link ActionItemStatus#isOpen} says. */
    private static final List<String> OPEN_STATUSES = Arrays.stream(ActionItemStatus.values())
            .filter(ActionItemStatus::isOpen).map(status -> "'" + status.name() + "'").toList();

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
        Sql sql = new Sql(zone, filter, config.writeUpWindow().toSeconds());
        Instant now = clock.instant();
        int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
        YearMonth previousFrom = from.minusMonths(months);
        YearMonth previousTo = from.minusMonths(1);

        // One pass per kind of event over both periods, grouped by month: the periods' counts and means are
        // sums of their months; only their medians need a statement of their own.
        Map<Integer, Object[]> incidents = byMonth(sql.incidentsByMonth(), sql, previousFrom, to, from);
        Map<Integer, Object[]> published = byMonth(sql.publishedByMonth(), sql, previousFrom, to, from);
        Map<Integer, Object[]> created = byMonth(sql.itemsCreatedByMonth(), sql, previousFrom, to, from);
        Map<Integer, Object[]> completed = byMonth(sql.itemsCompletedByMonth(), sql, previousFrom, to, from);
        Map<Integer, Object[]> dropped = byMonth(sql.itemsDroppedByMonth(), sql, previousFrom, to, from);
        Map<Integer, Object[]> medians = periodMedians(sql, previousFrom, from, to);

        Map<Integer, Long> overdue = overdueAtMonthEnds(sql, previousFrom, to, now);

        List<MonthlyReport.Month> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            int key = index(m);
            Object[] monthIncidents = incidents.get(key);
            rows.add(new MonthlyReport.Month(m.toString(), figures(monthIncidents, monthIncidents, published.get(key),
                    created.get(key), completed.get(key), dropped.get(key), overdue.getOrDefault(key, 0L))));
        }
        List<Map<Integer, Object[]>> events = List.of(incidents, published, created, completed, dropped);
        MonthlyReport.Period totals = period(from, to, events, medians.get(CURRENT),
                overdue.getOrDefault(index(to), 0L));
        MonthlyReport.Period previous = period(previousFrom, previousTo, events, medians.get(PREVIOUS),
                overdue.getOrDefault(index(previousTo), 0L));

        Instant rangeEnd = min(start(to.plusMonths(1), zone), now);
        LocalDate endDate = rangeEnd.equals(now) ? now.atZone(zone).toLocalDate()
                : to.atEndOfMonth();
        Object last = sql.query("select max(p.started_at) from postmortem p where p.severity in (:majors)"
                + " and p.started_at < :end" + sql.serviceOnly())
                .setParameter("majors", Severity.majorNames()).setParameter("end", at(rangeEnd)).getSingleResult();
        Long daysSince = last == null ? null
                : ChronoUnit.DAYS.between(instant(last).atZone(zone).toLocalDate(), endDate);
        @SuppressWarnings("unchecked")
        List<Object> majors = sql.query("select p.started_at from postmortem p where p.severity in (:majors)"
                + " and p.started_at >= :start and p.started_at < :end" + sql.serviceOnly() + " order by p.started_at")
                .setParameter("majors", Severity.majorNames()).setParameter("start", at(start(from, zone)))
                .setParameter("end", at(rangeEnd)).getResultList();
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

    /** Keys of {@link #periodMedians}: the period before the range, and the range. */
    private static final int PREVIOUS = 0;
    private static final int CURRENT = 1;

    /** A period's figures: its months' rows summed column by column, with the period's own medians. */
    private static MonthlyReport.Period period(YearMonth from, YearMonth to, List<Map<Integer, Object[]>> events,
            Object[] medians, long overdueAtEnd) {
        Object[][] sums = new Object[events.size()][];
        for (int e = 0; e < events.size(); e++) {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                Object[] row = events.get(e).get(index(m));
                if (row != null) {
                    sums[e] = add(sums[e], row, e == 0 ? MEDIAN_TTD : row.length);
                }
            }
        }
        return new MonthlyReport.Period(from.toString(), to.toString(),
                figures(sums[0], medians, sums[1], sums[2], sums[3], sums[4], overdueAtEnd));
    }

    /** Adds a month's counts and sums (columns 1 to {@code until}, excluded) to a running total. */
    private static Object[] add(Object[] total, Object[] row, int until) {
        Object[] sum = total == null ? new Object[row.length] : total;
        for (int c = 1; c < until; c++) {
            if (row[c] != null) {
                long before = sum[c] == null ? 0 : ((Number) sum[c]).longValue();
                sum[c] = before + ((Number) row[c]).longValue();
            }
        }
        return sum;
    }

    /**
     * Rows of one statement grouped by month index, from the first month of {@code from} up to the end of
     * {@code to}. Statements with per-month medians compute them only from {@code mediansFrom} on.
     */
    private static Map<Integer, Object[]> byMonth(String statement, Sql sql, YearMonth from, YearMonth to,
            YearMonth mediansFrom) {
        Query query = sql.query(statement)
                .setParameter("start", at(start(from, sql.zone)))
                .setParameter("end", at(start(to.plusMonths(1), sql.zone)));
        if (statement.contains(":mediansFrom")) {
            query.setParameter("mediansFrom", at(start(mediansFrom, sql.zone)));
        }
        Map<Integer, Object[]> rows = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            rows.put(((Number) columns[0]).intValue(), columns);
        }
        return rows;
    }

    /** The medians of the period before the range and of the range, in the columns of an incidents row. */
    private static Map<Integer, Object[]> periodMedians(Sql sql, YearMonth previousFrom, YearMonth from,
            YearMonth to) {
        Query query = sql.query(sql.periodMedians())
                .setParameter("start", at(start(previousFrom, sql.zone)))
                .setParameter("from", at(start(from, sql.zone)))
                .setParameter("end", at(start(to.plusMonths(1), sql.zone)));
        Map<Integer, Object[]> medians = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Object[] asIncidents = new Object[INCIDENT_COLUMNS];
            asIncidents[MEDIAN_TTD] = columns[1];
            asIncidents[MEDIAN_TTR] = columns[2];
            medians.put(((Number) columns[0]).intValue(), asIncidents);
        }
        return medians;
    }

    /**
     * Items open and past due at the end of each month from {@code first} to {@code last} (for the current
     * month: now), keyed by month index. An item is overdue at the end of month M when it was created by then,
     * was due before the next month began, and was neither completed nor dropped by then; with months
     * numbered, that is {@code overdueFrom <= M < closed}. One statement groups the items that can be overdue
     * in the range by those two months (index-driven: recent open items, and items closed since the range
     * began); running sums give every month. A second statement counts, in one read of the open items, those
     * open since before the range (overdue in every month of it) and those overdue right now.
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
        LocalDate today = now.atZone(sql.zone).toLocalDate();
        Object[] open = (Object[]) sql.query(sql.openItems()).setParameter("rangeStart", at(rangeStart))
                .setParameter("rangeStartDay", first.atDay(1)).setParameter("now", at(now))
                .setParameter("today", today).getSingleResult();
        opened[0] += open[0] == null ? 0 : ((Number) open[0]).longValue();
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
            overdue.put(index(current), open[1] == null ? 0 : ((Number) open[1]).longValue());
        }
        return overdue;
    }

    /**
     * Figures from rows of the statements: incident counts and sums (and per-month medians) in the columns
     * {@link #SEVERITIES_AT} to {@link #MEDIAN_TTR}; {@code medians} is the row the medians are read from.
     */
    private static Figures figures(Object[] incidents, Object[] medians, Object[] published, Object[] created,
            Object[] completed, Object[] dropped, long overdue) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < severities.length; i++) {
            bySeverity.put(severities[i].name(), count(incidents, SEVERITIES_AT + i));
        }
        Map<String, Long> sources = new LinkedHashMap<>();
        DetectionSource[] all = DetectionSource.values();
        for (int i = 0; i < all.length; i++) {
            sources.put(all[i].name(), count(incidents, SOURCES_AT + i));
        }
        sources.put(UNSPECIFIED, count(incidents, SOURCES_AT + all.length));
        Map<String, Long> byKind = new LinkedHashMap<>();
        ActionItemKind[] kinds = ActionItemKind.values();
        for (int i = 0; i < kinds.length; i++) {
            byKind.put(kinds[i].name(), count(created, 2 + i));
        }
        long publishedCount = count(published, 1);
        long within = count(published, 2);
        return new Figures(count(incidents, 1), bySeverity,
                meanMinutes(incidents, SUM_TTD), minutes(medians, MEDIAN_TTD),
                meanMinutes(incidents, SUM_TTR), minutes(medians, MEDIAN_TTR), sources, publishedCount, within,
                publishedCount == 0 ? null : (double) within / publishedCount, count(created, 1),
                count(completed, 1), count(completed, 2), count(dropped, 1), overdue, byKind);
    }

    /** The mean in minutes of a sum of microseconds (column {@code sum}) over its count (the next column). */
    private static Double meanMinutes(Object[] row, int sum) {
        long n = count(row, sum + 1);
        return n == 0 ? null : ((Number) row[sum]).doubleValue() / (n * MICROS_PER_MINUTE);
    }

    private static Double minutes(Object[] row, int column) {
        return row == null || row[column] == null ? null : ((Number) row[column]).doubleValue() / MICROS_PER_MINUTE;
    }

    private static long count(Object[] row, int column) {
        return row == null || row[column] == null ? 0 : ((Number) row[column]).longValue();
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
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** The SQL of the report for one time zone and filter; the zone and filters are fixed per report. */
    final class Sql {

        final ZoneId zone;
        private final String tz;
        private final Filter filter;
        private final long windowSeconds;

        Sql(ZoneId zone, Filter filter, long windowSeconds) {
            this.zone = zone;
            this.windowSeconds = windowSeconds;
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

        private static String incidentColumns() {
            StringBuilder columns = new StringBuilder("count(*)");
            for (Severity s : Severity.values()) {
                columns.append(", sum(case when p.severity = '").append(s.name()).append("' then 1 else 0 end)");
            }
            for (DetectionSource s : DetectionSource.values()) {
                columns.append(", sum(case when p.detection_source = '").append(s.name())
                        .append("' then 1 else 0 end)");
            }
            columns.append(", sum(case when p.detection_source is null then 1 else 0 end)");
            columns.append(", sum(p.time_to_detect_micros), count(p.time_to_detect_micros)");
            columns.append(", sum(p.time_to_resolve_micros), count(p.time_to_resolve_micros)");
            // Per-month medians only for the months of the range, not for those of the period before it.
            for (String duration : List.of("p.time_to_detect_micros", "p.time_to_resolve_micros")) {
                columns.append(", percentile_cont(0.5) within group (order by case when p.started_at >= :mediansFrom"
                        + " then ").append(duration).append(" end)");
            }
            return columns.toString();
        }

        String incidentsByMonth() {
            return "select " + month("p.started_at") + ", " + incidentColumns() + " from postmortem p"
                    + " where p.started_at >= :start and p.started_at < :end" + filters()
                    + " group by " + month("p.started_at");
        }

        /** The medians of the period before the range (0) and of the range (1). */
        String periodMedians() {
            return "select s.period, percentile_cont(0.5) within group (order by s.ttd),"
                    + " percentile_cont(0.5) within group (order by s.ttr) from (select case when p.started_at < :from"
                    + " then 0 else 1 end as period, p.time_to_detect_micros as ttd, p.time_to_resolve_micros as ttr"
                    + " from postmortem p where p.started_at >= :start and p.started_at < :end" + filters() + ") s"
                    + " group by s.period";
        }

        /** Published within the write-up window of the resolution: the window is configuration, not input. */
        private String publishedColumns() {
            return "count(*), sum(case when p.published_at <= p.resolved_at + interval '" + windowSeconds
                    + "' second then 1 else 0 end)";
        }

        String publishedByMonth() {
            return "select " + month("p.published_at") + ", " + publishedColumns() + " from postmortem p"
                    + " where p.published_at >= :start and p.published_at < :end" + filters()
                    + " group by " + month("p.published_at");
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
            return "(cast(extract(year from i.due_date) as integer) * 12"
                    + " + cast(extract(month from i.due_date) as integer) - 1)";
        }

        /**
         * Per item that may be overdue in the range: the month from whose end it is overdue (the later of its
         * creation month and its due month) and the month by whose end it was closed (or beyond the range),
         * counted. Each kind of candidate is an index range scan that computes both months: open items created
         * in the range or due in it, items completed since it began, items dropped since it began. The caller
         * clamps the months to the range.
         */
        String overdueSpans() {
            // Items without a due date, or created or due after the range, are never overdue in it (and GREATEST
            // would ignore a null due date on PostgreSQL); those created and due before it are overdue from
            // before it, with no need to convert their times.
            String from = "case when i.due_date is null or i.due_date >= :lastDay or i.created_at >= :rangeEnd then "
                    + NEVER
                    + " when i.created_at < :rangeStart and i.due_date < :rangeStartDay then -1 else greatest("
                    + month("i.created_at") + ", " + dueMonth() + ") end";
            StringBuilder spans = new StringBuilder();
            // One branch per open status: H2 reads an index by "status IN (...)" alone, not by the next column.
            for (String open : OPEN_STATUSES) {
                String status = "i.status = " + open;
                spans.append(span(from, String.valueOf(NEVER), status + " and i.created_at >= :rangeStart"))
                        .append(" union all ")
                        .append(span(from, String.valueOf(NEVER), status
                                + " and i.due_date >= :rangeStartDay and i.created_at < :rangeStart"))
                        .append(" union all ");
            }
            spans.append(span(from, month("i.completed_at"), "i.completed_at >= :rangeStart"))
                    .append(" union all ").append(span(from, month("i.dropped_at"), "i.dropped_at >= :rangeStart"));
            return "select s.f, s.u, count(*) from (" + spans + ") s where s.f < s.u group by s.f, s.u";
        }

        private String span(String from, String until, String condition) {
            return "select " + from + " as f, " + until + " as u from action_item i" + itemJoin() + " where "
                    + condition + filters();
        }

        /**
         * Counts of open items, from one read of them: those created and due before the range (overdue in every
         * month of it), and those overdue now (due before today).
         */
        String openItems() {
            return "select sum(case when i.due_date < :rangeStartDay and i.created_at < :rangeStart then 1 else 0 end),"
                    + " sum(case when i.created_at < :now then 1 else 0 end) from action_item i" + itemJoin()
                    + " where i.status in (" + String.join(", ", OPEN_STATUSES) + ") and i.due_date < :today"
                    + filters();
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
