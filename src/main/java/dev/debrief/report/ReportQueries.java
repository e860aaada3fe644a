package dev.debrief.report;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.Severity;
import dev.debrief.postmortem.NamedEntry;
import dev.debrief.report.ReportRows.Completed;
import dev.debrief.report.ReportRows.Created;
import dev.debrief.report.ReportRows.IncidentMonth;
import dev.debrief.report.ReportRows.Incidents;
import dev.debrief.report.ReportRows.Medians;
import dev.debrief.report.ReportRows.OpenItems;
import dev.debrief.report.ReportRows.OverdueSpan;
import dev.debrief.report.ReportRows.PeriodMedians;
import dev.debrief.report.ReportRows.Published;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The report's statements, one method each, for one time zone and filter. Every statement is an index range scan
 * over a time column. Those per month group by the month's alias in the select list ({@code GROUP BY month_index}),
 * not by its expression: PostgreSQL sees each use of a parameter (the zone) as a parameter of its own, and H2 does
 * not compare expressions with parameters either, so neither would match the expression in the GROUP BY to the
 * one in the select list. Both group by a select-list alias (PostgreSQL documents it, H2 2 does it), which keeps
 * each statement one flat scan; an inner select grouped outside would do as well but costs H2 a copy of the
 * rows (a fifth more time per statement over ten years). Columns are read by name ({@link ReportSql}).
 */
final class ReportQueries {

    /** A month index beyond any range: the "closed" month of an item that is still open. */
    static final int NEVER = 999_999;

    private final Session session;
    private final String zone;
    private final MonthlyReportService.Filter filter;
    private final Duration writeUpWindow;

    ReportQueries(Session session, ZoneId zone, MonthlyReportService.Filter filter, Duration writeUpWindow) {
        this.session = session;
        this.zone = ReportSql.zoneName(zone);
        this.filter = filter == null ? MonthlyReportService.Filter.ALL : filter;
        this.writeUpWindow = writeUpWindow;
    }

    /** Incidents started in [start, end) per month; the per-month medians only of months from {@code mediansFrom}. */
    Map<Integer, IncidentMonth> incidentsByMonth(Instant start, Instant end, Instant mediansFrom) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("p.started_at") + " as month_index, count(*) as incidents");
        for (Severity severity : Severity.values()) {
            sql.sql(", sum(case when p.severity = :" + severity + " then 1 else 0 end) as " + countOf(severity))
                    .bind(severity.name(), severity.name());
        }
        for (DetectionSource source : DetectionSource.values()) {
            sql.sql(", sum(case when p.detection_source = :" + source + " then 1 else 0 end) as " + countOf(source))
                    .bind(source.name(), source.name());
        }
        // Per-month medians only for the months of the range, not for those of the period before it.
        sql.sql(", sum(case when p.detection_source is null then 1 else 0 end) as without_source,"
                + " sum(p.time_to_detect_micros) as ttd_sum, count(p.time_to_detect_micros) as ttd_count,"
                + " sum(p.time_to_resolve_micros) as ttr_sum, count(p.time_to_resolve_micros) as ttr_count, "
                + ReportSql.median("case when p.started_at >= :mediansFrom then p.time_to_detect_micros end")
                + " as ttd_median, "
                + ReportSql.median("case when p.started_at >= :mediansFrom then p.time_to_resolve_micros end")
                + " as ttr_median from postmortem p where ")
                .bind("mediansFrom", mediansFrom).within("p.started_at", start, end);
        filters(sql).sql(" group by month_index");
        return sql.byMonth(row -> new IncidentMonth(new Incidents(row.count("incidents"),
                counts(row, Severity.class), counts(row, DetectionSource.class), row.count("without_source"),
                row.count("ttd_sum"), row.count("ttd_count"), row.count("ttr_sum"), row.count("ttr_count")),
                new Medians(row.number("ttd_median"), row.number("ttr_median"))));
    }

    /**
     * Incidents started in [start, end) per month and contributing factor, by the factor's name as it is now (a
     * renamed factor keeps its history); an incident counts once for each factor it lists.
     */
    Map<Integer, Map<String, Long>> factorsByMonth(Instant start, Instant end) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("p.started_at") + " as month_index, fa.name as factor, count(*) as incidents"
                + " from postmortem p join postmortem_factor pf on pf.postmortem_id = p.id"
                + " join factor fa on fa.id = pf.factor_id where ").within("p.started_at", start, end);
        filters(sql).sql(" group by month_index, fa.name");
        Map<Integer, Map<String, Long>> months = new HashMap<>();
        for (ReportSql.Row row : sql.rows()) {
            months.computeIfAbsent((int) row.count("month_index"), m -> new HashMap<>())
                    .put(row.text("factor"), row.count("incidents"));
        }
        return months;
    }

    /** The medians of incidents started in [start, rangeStart), the period before, and in [rangeStart, end). */
    PeriodMedians periodMedians(Instant start, Instant rangeStart, Instant end) {
        ReportSql sql = statement().sql("select s.period, " + ReportSql.median("s.ttd") + " as ttd, "
                + ReportSql.median("s.ttr") + " as ttr"
                + " from (select case when p.started_at < :rangeStart then 0 else 1 end as period,"
                + " p.time_to_detect_micros as ttd, p.time_to_resolve_micros as ttr from postmortem p where ")
                .bind("rangeStart", rangeStart).within("p.started_at", start, end);
        filters(sql).sql(") s group by s.period");
        Medians[] medians = {Medians.NONE, Medians.NONE};
        for (ReportSql.Row row : sql.rows()) {
            medians[(int) row.count("period")] = new Medians(row.number("ttd"), row.number("ttr"));
        }
        return new PeriodMedians(medians[0], medians[1]);
    }

    /** Post-mortems published in [start, end) per month; within the window when published by resolution + window. */
    Map<Integer, Published> publishedByMonth(Instant start, Instant end) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("p.published_at") + " as month_index, count(*) as published,"
                + " sum(case when p.published_at <= p.resolved_at"
                + " + cast(:windowSeconds as bigint) * interval '1' second then 1 else 0 end) as within_window"
                + " from postmortem p where ")
                .bind("windowSeconds", writeUpWindow.toSeconds()).within("p.published_at", start, end);
        filters(sql).sql(" group by month_index");
        return sql.byMonth(row -> new Published(row.count("published"), row.count("within_window")));
    }

    /** Action items created in [start, end) per month, in all and per kind. */
    Map<Integer, Created> itemsCreatedByMonth(Instant start, Instant end) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("i.created_at") + " as month_index, count(*) as created");
        for (ActionItemKind kind : ActionItemKind.values()) {
            sql.sql(", sum(case when i.kind = :" + kind + " then 1 else 0 end) as " + countOf(kind))
                    .bind(kind.name(), kind.name());
        }
        sql.sql(" from action_item i" + itemJoin() + " where ").within("i.created_at", start, end);
        itemFilters(sql).sql(" group by month_index");
        return sql.byMonth(row -> new Created(row.count("created"), counts(row, ActionItemKind.class)));
    }

    /** Action items completed in [start, end) per month; on time when completed (a local date) by the due date. */
    Map<Integer, Completed> itemsCompletedByMonth(Instant start, Instant end) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("i.completed_at") + " as month_index, count(*) as completed,"
                + " sum(case when i.due_date is not null and " + sql.day("i.completed_at") + " <= " + ReportSql.DUE_DAY
                + " then 1 else 0 end) as on_time"
                + " from action_item i" + itemJoin() + " where ").within("i.completed_at", start, end);
        itemFilters(sql).sql(" group by month_index");
        return sql.byMonth(row -> new Completed(row.count("completed"), row.count("on_time")));
    }

    /** Action items dropped in [start, end) per month. */
    Map<Integer, Long> itemsDroppedByMonth(Instant start, Instant end) {
        ReportSql sql = statement();
        sql.sql("select " + sql.month("i.dropped_at") + " as month_index, count(*) as dropped"
                + " from action_item i" + itemJoin() + " where ").within("i.dropped_at", start, end);
        itemFilters(sql).sql(" group by month_index");
        return sql.byMonth(row -> row.count("dropped"));
    }

    /**
     * Per item that may be overdue in the range [rangeStart, rangeEnd) (its days from {@code rangeStartDay} to
     * before {@code dayAfter}): the month from whose end it is overdue (the later of its creation and due months)
     * and the month by whose end it was closed, counted. Each kind of candidate is an index range scan: open items
     * created in the range or due in it, items completed since it began, items dropped since it began. The
     * caller clamps the months to the range.
     */
    List<OverdueSpan> overdueSpans(Instant rangeStart, Instant rangeEnd, LocalDate rangeStartDay, LocalDate dayAfter) {
        // Items without a due date, or created or due after the range, are never overdue in it (and GREATEST would
        // ignore a null due date on PostgreSQL); those created and due before it are overdue from before it, with
        // no need to convert their times.
        ReportSql sql = statement();
        String from = "case when i.due_date is null or i.due_date >= :dayAfter or i.created_at >= :rangeEnd then "
                + NEVER + " when i.created_at < :rangeStart and i.due_date < :rangeStartDay then -1 else greatest("
                + sql.month("i.created_at") + ", " + ReportSql.DUE_MONTH + ") end";
        sql.sql("select s.overdue_from, s.closed_in, count(*) as items from (");
        // One branch per open status: H2 reads an index by "status IN (...)" alone, not by the next column.
        int branch = 0;
        for (ActionItemStatus status : ActionItemStatus.OPEN_STATUSES) {
            String open = "status" + branch++;
            span(sql, from, String.valueOf(NEVER), "i.status = :" + open + " and i.created_at >= :rangeStart");
            sql.sql(" union all ");
            span(sql, from, String.valueOf(NEVER),
                    "i.status = :" + open + " and i.due_date >= :rangeStartDay and i.created_at < :rangeStart");
            sql.sql(" union all ").bind(open, status.name());
        }
        span(sql, from, sql.month("i.completed_at"), "i.completed_at >= :rangeStart");
        sql.sql(" union all ");
        span(sql, from, sql.month("i.dropped_at"), "i.dropped_at >= :rangeStart");
        sql.sql(") s where s.overdue_from < s.closed_in group by s.overdue_from, s.closed_in")
                .bind("rangeStart", rangeStart).bind("rangeEnd", rangeEnd)
                .bind("rangeStartDay", rangeStartDay).bind("dayAfter", dayAfter);
        return sql.rows().stream().map(row -> new OverdueSpan((int) row.count("overdue_from"),
                (int) row.count("closed_in"), row.count("items"))).toList();
    }

    private void span(ReportSql sql, String from, String until, String condition) {
        sql.sql("select " + from + " as overdue_from, " + until + " as closed_in from action_item i" + itemJoin()
                + " where " + condition);
        itemFilters(sql);
    }

    /**
     * From one read of the open items due before today: those created and due before the range began (overdue in
     * every month of it), and those overdue now.
     */
    OpenItems openItems(Instant rangeStart, LocalDate rangeStartDay, Instant now, LocalDate today) {
        ReportSql sql = statement().sql("select sum(case when i.due_date < :rangeStartDay"
                + " and i.created_at < :rangeStart then 1 else 0 end) as before_range,"
                + " sum(case when i.created_at < :now then 1 else 0 end) as now_open"
                + " from action_item i" + itemJoin() + " where i.status in (:openStatuses) and i.due_date < :today")
                .bind("rangeStartDay", rangeStartDay).bind("rangeStart", rangeStart).bind("now", now)
                .bind("today", today)
                .bind("openStatuses", ActionItemStatus.OPEN_STATUSES.stream().map(Enum::name).toList());
        ReportSql.Row row = itemFilters(sql).rows().get(0);
        return new OpenItems(row.count("before_range"), row.count("now_open"));
    }

    /** When the latest major incident before {@code end} started, or null; ignores the severity filter. */
    Instant lastMajorIncident(Instant end) {
        ReportSql sql = statement().sql("select max(p.started_at) as last_start from postmortem p"
                + " where p.severity in (:majors) and p.started_at < :end")
                .bind("majors", Severity.majorNames()).bind("end", end);
        return withoutSeverity(sql, "p.team_id").rows().get(0).instant("last_start");
    }

    /** When each major incident in [start, end) started, in order. Ignores the severity filter. */
    List<Instant> majorIncidentStarts(Instant start, Instant end) {
        ReportSql sql = statement().sql("select p.started_at from postmortem p"
                + " where p.severity in (:majors) and ").bind("majors", Severity.majorNames())
                .within("p.started_at", start, end);
        return withoutSeverity(sql, "p.team_id").sql(" order by p.started_at").rows().stream().map(row -> row.instant("started_at"))
                .toList();
    }

    private ReportSql statement() {
        return new ReportSql(session, zone);
    }

    /** The filters of the report on the post-mortem {@code p}, with their parameters. */
    private ReportSql filters(ReportSql sql) {
        return severity(withoutSeverity(sql, "p.team_id"));
    }

    /** The filters on the action item {@code i}: its post-mortem's, and its team (its own, else the post-mortem's). */
    private ReportSql itemFilters(ReportSql sql) {
        return severity(withoutSeverity(sql, "coalesce(i.team_id, p.team_id)"));
    }

    private ReportSql severity(ReportSql sql) {
        if (filter.severity() != null) {
            sql.sql(" and p.severity = :severity").bind("severity", filter.severity().name());
        }
        return sql;
    }

    /** The filters but severity, {@code team} being the column of the team that owns the row. */
    private ReportSql withoutSeverity(ReportSql sql, String team) {
        if (given(filter.service())) {
            sql.sql(" and exists (select 1 from postmortem_service s where s.postmortem_id = p.id"
                    + " and s.name = :service)").bind("service", filter.service().strip());
        }
        if (given(filter.team())) {
            sql.sql(" and " + team + " in (select t.id from team t where t.name_key = :team)")
                    .bind("team", NamedEntry.keyOf(filter.team()));
        }
        if (given(filter.tag())) {
            sql.sql(" and exists (select 1 from postmortem_tag g where g.postmortem_id = p.id and g.tag = :tag)")
                    .bind("tag", IncidentDocument.tag(filter.tag()));
        }
        return sql;
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /** Items need their post-mortem only when a filter applies to it. */
    private String itemJoin() {
        return filter.severity() != null || given(filter.service()) || given(filter.team()) || given(filter.tag())
                ? " join postmortem p on p.id = i.postmortem_id" : "";
    }

    /** The column counting the rows of one value of an enum column, such as {@code SEV1_count}. */
    private static String countOf(Enum<?> value) {
        return value.name() + "_count";
    }

    /** A count per enum constant, from the columns {@link #countOf} names. */
    private static <E extends Enum<E>> Map<E, Long> counts(ReportSql.Row row, Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            counts.put(constant, row.count(countOf(constant)));
        }
        return counts;
    }
}
