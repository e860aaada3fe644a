package dev.debrief.report;

import dev.debrief.common.TeamCalendar;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The monthly report's CSV and JSON for people on the pages, under their page session: the API's paths take API
 * credentials only, which a person signed in through single sign-on may not have.
 */
@Path("/reports")
public class ReportDownloads {

    @Inject
    MonthlyReportService reports;

    @Inject
    TeamCalendar calendar;

    @GET
    @Path("monthly.csv")
    @Produces(ReportResource.CSV)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("severity") String severity, @QueryParam("service") String service,
            @QueryParam("team") String team, @QueryParam("tag") String tag) {
        ReportRange range = ReportRange.parse(from, to, calendar.currentMonth());
        return ReportResource.csvFile(reports.report(range.from(), range.to(),
                MonthlyReportService.Filter.of(severity, service, team, tag)), range);
    }

    @GET
    @Path("monthly.json")
    @Produces(MediaType.APPLICATION_JSON)
    public MonthlyReport json(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("severity") String severity, @QueryParam("service") String service,
            @QueryParam("team") String team, @QueryParam("tag") String tag) {
        ReportRange range = ReportRange.parse(from, to, calendar.currentMonth());
        return reports.report(range.from(), range.to(), MonthlyReportService.Filter.of(severity, service, team, tag));
    }
}
