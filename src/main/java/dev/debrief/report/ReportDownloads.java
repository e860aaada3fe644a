package dev.debrief.report;

import dev.debrief.common.TeamCalendar;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    public Response csv(@BeanParam ReportQuery query) {
        ReportRange range = query.range(calendar.currentMonth());
        return ReportResource.csvFile(reports.report(range.from(), range.to(), query.filter()), range);
    }

    @GET
    @Path("monthly.json")
    @Produces(MediaType.APPLICATION_JSON)
    public MonthlyReport json(@BeanParam ReportQuery query) {
        ReportRange range = query.range(calendar.currentMonth());
        return reports.report(range.from(), range.to(), query.filter());
    }
}
