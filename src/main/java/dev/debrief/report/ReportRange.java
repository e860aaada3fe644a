package dev.debrief.report;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** The months a report covers, both included; at most ten years, and not past the current month. */
public record ReportRange(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 120;

    /** Parses {@code from} and {@code to} (YYYY-MM); the default is the last 12 full months and the current one. */
    public static ReportRange parse(String from, String to, YearMonth current) {
        YearMonth end = month("to", to, current);
        YearMonth start = month("from", from, end.minusMonths(12));
        if (end.isAfter(current)) {
            throw InvalidFieldsException.of("to", "must not be after the current month " + current);
        }
        if (start.isAfter(end)) {
            throw InvalidFieldsException.of("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.MONTHS.between(start, end) + 1 > MAX_MONTHS) {
            throw InvalidFieldsException.of("from", "must be at most " + MAX_MONTHS + " months before to");
        }
        return new ReportRange(start, end);
    }

    private static YearMonth month(String field, String value, YearMonth fallback) {
        YearMonth month = QueryParams.parsed(field, value, fallback, YearMonth::parse, "must be a month such as 2026-01");
        if (month.getYear() < 1970) {
            throw InvalidFieldsException.of(field, "must not be before 1970-01");
        }
        return month;
    }
}
