package dev.debrief.report;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.TeamCalendar;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The monthly report as JSON, or as CSV with {@code Accept: text/csv} or {@code ?format=csv}. */
@Path("/api/reports/monthly")
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    MonthlyReportService reports;

    @Inject
    TeamCalendar calendar;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response monthly(@BeanParam ReportQuery query, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = format != null && !format.isBlank() ? format(format)
                : headers.getAcceptableMediaTypes().stream().findFirst()
                        .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())
                        .orElse(false);
        ReportRange range = query.range(calendar.currentMonth());
        MonthlyReport report = reports.report(range.from(), range.to(), query.filter());
        return csv ? csvFile(report, range) : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** The report as a CSV file to save, named by its months. */
    static Response csvFile(MonthlyReport report, ReportRange range) {
        return Response.ok(ReportCsv.write(report), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"debrief-monthly-" + range.from() + "-"
                        + range.to() + ".csv\"")
                .build();
    }

    private static boolean format(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw InvalidFieldsException.of("format", "must be json or csv");
        };
    }
}
