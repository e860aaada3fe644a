package dev.debrief.report;

import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;

/** The monthly report's query parameters, as the API and the page's downloads take them. */
public class ReportQuery {

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("severity")
    String severity;

    @QueryParam("service")
    String service;

    @QueryParam("team")
    String team;

    @QueryParam("tag")
    String tag;

    /** The months asked for; the current month when none are. */
    ReportRange range(YearMonth current) {
        return ReportRange.parse(from, to, current);
    }

    MonthlyReportService.Filter filter() {
        return MonthlyReportService.Filter.of(severity, service, team, tag);
    }
}
