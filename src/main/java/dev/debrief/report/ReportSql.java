package dev.debrief.report;

import dev.debrief.common.SqlZone;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * One native statement of the report as it is written: its text and, beside each piece that uses one, its named
 * parameters. Rows come back as {@link Row}s read by column name. The local months and days of timestamps
 * ({@link #month}, {@link #day}) bind the team's time zone as {@code :zone}: H2 and PostgreSQL both take a parameter
 * after {@code AT TIME ZONE}.
 */
final class ReportSql {

    /** An item's due date as yyyymmdd, to compare with a {@link #day}. */
    static final String DUE_DAY = "(cast(extract(year from i.due_date) as integer) * 10000"
            + " + cast(extract(month from i.due_date) as integer) * 100"
            + " + cast(extract(day from i.due_date) as integer))";

    /** The month index of an item's due date. */
    static final String DUE_MONTH = "(cast(extract(year from i.due_date) as integer) * 12"
            + " + cast(extract(month from i.due_date) as integer) - 1)";

    private final Session session;
    private final String zone;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    ReportSql(Session session, String zone) {
        this.session = session;
        this.zone = zone;
    }

    /** The name of a zone as both databases read it ({@link SqlZone}); the start refuses any other zone. */
    static String zoneName(ZoneId zone) {
        return SqlZone.nameOf(zone).orElseThrow(() -> new IllegalArgumentException(
                "The report needs a region time zone such as Europe/Berlin"));
    }

    /** The month index (year * 12 + month - 1) of a timestamp column in the team's zone. */
    String month(String column) {
        return "(" + local("year", column) + " * 12 + " + local("month", column) + " - 1)";
    }

    /** The local date of a timestamp column in the team's zone as yyyymmdd, to compare with {@link #DUE_DAY}. */
    String day(String column) {
        return "(" + local("year", column) + " * 10000 + " + local("month", column) + " * 100 + "
                + local("day", column) + ")";
    }

    /** The median of {@code expression} over a group's rows, nulls left out, as both databases write it. */
    static String median(String expression) {
        return "percentile_cont(0.5) within group (order by " + expression + ")";
    }

    /**
     * The condition that the timestamp {@code column} lies in [start, end), with both bound: the range every
     * statement scans an index by.
     */
    ReportSql within(String column, Instant start, Instant end) {
        return sql(column + " >= :start and " + column + " < :end").bind("start", start).bind("end", end);
    }

    private String local(String part, String column) {
        bind("zone", zone);
        return "cast(extract(" + part + " from " + column + " at time zone :zone) as integer)";
    }

    ReportSql sql(String piece) {
        text.append(piece);
        return this;
    }

    /** Binds a named parameter of the text; an instant is bound as a UTC timestamp with time zone. */
    ReportSql bind(String name, Object value) {
        parameters.put(name, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        return this;
    }

    List<Row> rows() {
        NativeQuery<Tuple> query = session.createNativeQuery(text.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(Row::new).toList();
    }

    /** The rows of a statement grouped by month, keyed by its {@code month_index} column. */
    <T> Map<Integer, T> byMonth(Function<Row, T> read) {
        Map<Integer, T> months = new HashMap<>();
        for (Row row : rows()) {
            months.put((int) row.count("month_index"), read.apply(row));
        }
        return months;
    }

    /** A row of a statement; the Java types of its values vary with the database, so they are read as numbers. */
    record Row(Tuple tuple) {

        /** A count or sum; a sum over no rows is null in SQL, 0 here. */
        long count(String column) {
            Object value = tuple.get(column);
            return value == null ? 0 : ((Number) value).longValue();
        }

        String text(String column) {
            Object value = tuple.get(column);
            return value == null ? null : value.toString();
        }

        Double number(String column) {
            Object value = tuple.get(column);
            return value == null ? null : ((Number) value).doubleValue();
        }

        Instant instant(String column) {
            Object value = tuple.get(column);
            if (value == null || value instanceof Instant) {
                return (Instant) value;
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof Timestamp time) {
                return time.toInstant();
            }
            throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        }
    }
}
